// Parameters of a deployment. Secrets and ids come from environment variables at deployment time,
// so nothing tenant-specific is committed (docs/deploy.md):
//   BOT_APP_TYPE        SingleTenant (default) or UserAssignedMSI
//   BOT_APP_ID          SingleTenant: the app registration's application (client) id
//   BOT_CLIENT_SECRET   SingleTenant: a client secret of that registration
//   FOLLOWUP_ORGANISERS comma-separated Entra object ids of the organisers
//   FOLLOWUP_AI_ENDPOINT, FOLLOWUP_AI_MODEL, FOLLOWUP_AI_KEY   the optional AI assist (all empty: off)
using './main.bicep'

param name = 'followup'
param botAppType = readEnvironmentVariable('BOT_APP_TYPE', 'SingleTenant')
param botAppId = readEnvironmentVariable('BOT_APP_ID', '')
param botClientSecret = readEnvironmentVariable('BOT_CLIENT_SECRET', '')
param aiEndpoint = readEnvironmentVariable('FOLLOWUP_AI_ENDPOINT', '')
param aiModel = readEnvironmentVariable('FOLLOWUP_AI_MODEL', '')
param aiKey = readEnvironmentVariable('FOLLOWUP_AI_KEY', '')
param organisers = filter(split(readEnvironmentVariable('FOLLOWUP_ORGANISERS', ''), ','), id => !empty(trim(id)))
param timeZone = 'Asia/Shanghai'
param appServiceSku = 'B1'
