// FollowUpBot in one resource group: Azure Bot with the Teams channel, a Linux App Service running
// the .NET 10 web app under a user-assigned managed identity, a Storage account for the ledger that
// the identity reaches without keys, and Log Analytics + Application Insights.
// docs/deploy.md walks through a deployment; every app setting below is a configuration key the app
// reads (DESIGN.md, "Names that other tools rely on").

targetScope = 'resourceGroup'

@description('Short lowercase name the resource names start with.')
@minLength(3)
@maxLength(16)
param name string = 'followup'

@description('Region of everything except the bot (Azure Bot is a global resource).')
param location string = resourceGroup().location

@description('How the bot proves who it is: SingleTenant (an Entra app registration with a client secret) or UserAssignedMSI (the managed identity this template creates; no secret at all). Multi-tenant bots can no longer be created.')
@allowed([
  'SingleTenant'
  'UserAssignedMSI'
])
param botAppType string = 'SingleTenant'

@description('SingleTenant: the application (client) id of the bot\'s Entra app registration. Ignored for UserAssignedMSI, where the identity\'s client id is the bot id.')
param botAppId string = ''

@description('SingleTenant: a client secret of that app registration (pass it at deployment time, never commit it; every deployment must pass it again, since app settings are replaced as a whole).')
@secure()
param botClientSecret string = ''

@description('The Entra tenant the bot (and its users) belong to.')
param tenantId string = tenant().tenantId

@description('Entra object ids of the organisers (督办员), who import meetings, publish and approve.')
param organisers array = []

@description('Default meeting time zone (IANA).')
param timeZone string = 'Asia/Shanghai'

@description('Path of the department directory file on the web app (FollowUp:DirectoryPath), e.g. /home/site/wwwroot/departments.json when the file is published with the app; empty: not set.')
param directoryPath string = ''

@description('Path of the working-day calendar file on the web app (FollowUp:CalendarPath); empty: not set.')
param calendarPath string = ''

@description('The app\'s id in the organisation\'s Teams app catalog (FollowUp:TeamsAppCatalogId; Teams admin center → Manage apps → the app → App ID, not the manifest id): Microsoft Graph installs it for contacts who never opened the app. Empty: no proactive installation.')
param teamsAppCatalogId string = ''

@description('How often departments linked to an Entra group or department attribute are read again (FollowUp:Directory:SyncInterval, hh:mm:ss).')
param directorySyncInterval string = '01:00:00'

@description('More app settings, e.g. {"Reminders__Cron": "0 9 * * 1-5", "Reminders__QuietHours": "20:00-08:00"}. Settings made by hand are removed by the next deployment: keep them here.')
param extraSettings object = {}

@description('Host name users reach the app by, when a custom domain is bound to the web app; empty: the web app\'s default host name.')
param customHostName string = ''

@description('App Service plan size. Basic or above: the app needs Always On for its reminder scheduler.')
@allowed([
  'B1'
  'B2'
  'B3'
  'S1'
  'S2'
  'P0v3'
  'P1v3'
  'P2v3'
])
param appServiceSku string = 'B1'

@description('Azure Bot pricing tier: F0 is enough for Teams, a standard channel.')
@allowed([
  'F0'
  'S1'
])
param botSku string = 'F0'

@description('Storage redundancy of the ledger.')
@allowed([
  'Standard_LRS'
  'Standard_ZRS'
  'Standard_GRS'
  'Standard_GZRS'
])
param storageSku string = 'Standard_ZRS'

@description('Blob container of the ledger (Storage:Container).')
param containerName string = 'followup'

@description('Queue for reminder fan-out across instances (Storage:Queue).')
param queueName string = 'followup-reminders'

@description('Queue that hands stored progress records to the instance holding a meeting\'s lease (Storage:ProjectionQueue); must differ from queueName.')
param projectionQueueName string = 'followup-projections'

@description('Days a deleted blob or container, or a replaced blob version, can be restored.')
@minValue(1)
@maxValue(365)
param softDeleteDays int = 30

@description('Days older blob versions are kept before lifecycle management deletes them.')
@minValue(1)
param versionRetentionDays int = 90

@description('Days Log Analytics keeps logs, traces and metrics.')
@minValue(30)
@maxValue(730)
param logRetentionDays int = 30

var suffix = uniqueString(resourceGroup().id, name)
var webAppName = '${name}-${suffix}'
var storageAccountName = take('st${toLower(replace(name, '-', ''))}${suffix}', 24)
var isMsi = botAppType == 'UserAssignedMSI'
var effectiveBotAppId = isMsi ? identity.properties.clientId : botAppId
var publicHost = empty(customHostName) ? site.properties.defaultHostName : customHostName
var publicBaseUrl = 'https://${publicHost}'

// Built-in role definition ids (the same in every subscription).
var storageBlobDataContributor = 'ba92f5b4-2d11-453d-a403-e96b0029c9fe'
var storageQueueDataContributor = '974c5e8b-45b9-4653-ba55-5f855dd0fb88'

resource identity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = {
  name: '${name}-id-${suffix}'
  location: location
}

resource logs 'Microsoft.OperationalInsights/workspaces@2023-09-01' = {
  name: '${name}-logs-${suffix}'
  location: location
  properties: {
    sku: {
      name: 'PerGB2018'
    }
    retentionInDays: logRetentionDays
  }
}

resource insights 'Microsoft.Insights/components@2020-02-02' = {
  name: '${name}-ai-${suffix}'
  location: location
  kind: 'web'
  properties: {
    Application_Type: 'web'
    WorkspaceResourceId: logs.id
    IngestionMode: 'LogAnalytics'
  }
}

resource storage 'Microsoft.Storage/storageAccounts@2023-05-01' = {
  name: storageAccountName
  location: location
  kind: 'StorageV2'
  sku: {
    name: storageSku
  }
  properties: {
    accessTier: 'Hot'
    allowBlobPublicAccess: false
    // The app signs in with its managed identity; no account key is handed out or needed.
    allowSharedKeyAccess: false
    defaultToOAuthAuthentication: true
    minimumTlsVersion: 'TLS1_2'
    supportsHttpsTrafficOnly: true
  }
}

resource blobService 'Microsoft.Storage/storageAccounts/blobServices@2023-05-01' = {
  parent: storage
  name: 'default'
  properties: {
    // A bad write or delete can be undone: every overwrite keeps the previous version, and deleted
    // blobs and containers stay restorable for softDeleteDays.
    isVersioningEnabled: true
    deleteRetentionPolicy: {
      enabled: true
      days: softDeleteDays
    }
    containerDeleteRetentionPolicy: {
      enabled: true
      days: softDeleteDays
    }
  }
}

resource container 'Microsoft.Storage/storageAccounts/blobServices/containers@2023-05-01' = {
  parent: blobService
  name: containerName
  properties: {
    publicAccess: 'None'
  }
}

resource queueService 'Microsoft.Storage/storageAccounts/queueServices@2023-05-01' = {
  parent: storage
  name: 'default'
}

resource queue 'Microsoft.Storage/storageAccounts/queueServices/queues@2023-05-01' = {
  parent: queueService
  name: queueName
}

resource projectionQueue 'Microsoft.Storage/storageAccounts/queueServices/queues@2023-05-01' = {
  parent: queueService
  name: projectionQueueName
}

// meeting.json is rewritten on every status change: keep its old versions for a while, not forever.
resource lifecycle 'Microsoft.Storage/storageAccounts/managementPolicies@2023-05-01' = {
  parent: storage
  name: 'default'
  properties: {
    policy: {
      rules: [
        {
          name: 'expire-old-versions'
          enabled: true
          type: 'Lifecycle'
          definition: {
            filters: {
              blobTypes: [
                'blockBlob'
              ]
            }
            actions: {
              version: {
                delete: {
                  daysAfterCreationGreaterThan: versionRetentionDays
                }
              }
            }
          }
        }
      ]
    }
  }
}

resource blobRole 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(storage.id, identity.id, storageBlobDataContributor)
  scope: storage
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', storageBlobDataContributor)
    principalId: identity.properties.principalId
    principalType: 'ServicePrincipal'
  }
}

resource queueRole 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(storage.id, identity.id, storageQueueDataContributor)
  scope: storage
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', storageQueueDataContributor)
    principalId: identity.properties.principalId
    principalType: 'ServicePrincipal'
  }
}

resource plan 'Microsoft.Web/serverfarms@2024-04-01' = {
  name: '${name}-plan-${suffix}'
  location: location
  kind: 'linux'
  sku: {
    name: appServiceSku
  }
  properties: {
    reserved: true
  }
}

resource site 'Microsoft.Web/sites@2024-04-01' = {
  name: webAppName
  location: location
  kind: 'app,linux'
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: {
      '${identity.id}': {}
    }
  }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    clientAffinityEnabled: false
    siteConfig: {
      linuxFxVersion: 'DOTNETCORE|10.0'
      appCommandLine: 'dotnet FollowUpBot.dll'
      alwaysOn: true
      healthCheckPath: '/healthz'
      minTlsVersion: '1.2'
      scmMinTlsVersion: '1.2'
      ftpsState: 'Disabled'
      http20Enabled: true
    }
  }
}

var baseSettings = {
  Bot__AppId: effectiveBotAppId
  Bot__AppType: botAppType
  Bot__TenantId: tenantId
  FollowUp__PublicBaseUrl: publicBaseUrl
  FollowUp__TimeZone: timeZone
  Storage__AccountUrl: storage.properties.primaryEndpoints.blob
  Storage__Container: containerName
  Storage__Queue: queueName
  Storage__ProjectionQueue: projectionQueueName
  // DefaultAzureCredential (storage) picks the user-assigned identity by this client id.
  AZURE_CLIENT_ID: identity.properties.clientId
  APPLICATIONINSIGHTS_CONNECTION_STRING: insights.properties.ConnectionString
}
var organiserSettings = toObject(range(0, length(organisers)), i => 'FollowUp__Organisers__${i}', i => string(organisers[i]))
var fileSettings = union(
  empty(directoryPath) ? {} : { FollowUp__DirectoryPath: directoryPath },
  empty(calendarPath) ? {} : { FollowUp__CalendarPath: calendarPath }
)
var graphSettings = union(
  { FollowUp__Directory__SyncInterval: directorySyncInterval },
  empty(teamsAppCatalogId) ? {} : { FollowUp__TeamsAppCatalogId: teamsAppCatalogId }
)
var secretSettings = !isMsi && !empty(botClientSecret) ? { Bot__ClientSecret: botClientSecret } : {}

// A child resource rather than siteConfig.appSettings, so the settings can use the site's own host name.
resource appSettings 'Microsoft.Web/sites/config@2024-04-01' = {
  parent: site
  name: 'appsettings'
  properties: union(extraSettings, baseSettings, organiserSettings, fileSettings, graphSettings, secretSettings)
  dependsOn: [
    blobRole
    queueRole
    container
    queue
    projectionQueue
  ]
}

resource bot 'Microsoft.BotService/botServices@2022-09-15' = {
  name: '${name}-bot-${suffix}'
  location: 'global'
  kind: 'azurebot'
  sku: {
    name: botSku
  }
  properties: {
    displayName: 'FollowUp'
    endpoint: '${publicBaseUrl}/api/messages'
    msaAppId: effectiveBotAppId
    msaAppType: botAppType
    msaAppTenantId: tenantId
    msaAppMSIResourceId: isMsi ? identity.id : null
  }
}

resource teams 'Microsoft.BotService/botServices/channels@2022-09-15' = {
  parent: bot
  name: 'MsTeamsChannel'
  location: 'global'
  properties: {
    channelName: 'MsTeamsChannel'
    properties: {
      isEnabled: true
    }
  }
}

@description('The messaging endpoint the Azure Bot posts Teams activities to.')
output botEndpoint string = bot.properties.endpoint

@description('Host name of the web app: the --public-base-url host for `followup package`.')
output appHostName string = publicHost

@description('Public base URL of the app (FollowUp:PublicBaseUrl).')
output publicBaseUrl string = publicBaseUrl

@description('The bot\'s app id: the --app-id for `followup package`.')
output botAppId string = effectiveBotAppId

@description('Name of the web app, for `az webapp deploy`.')
output webAppName string = site.name

@description('Name of the Azure Bot resource.')
output botName string = bot.name

@description('Client id of the managed identity the app runs as.')
output identityClientId string = identity.properties.clientId

@description('Name of the ledger\'s storage account.')
output storageAccountName string = storage.name

// Microsoft Graph application permissions of the bot's identity (app registration or managed identity). An
// administrator grants them with admin consent (docs/deploy.md, "Microsoft Graph"); a template cannot consent.
@description('Microsoft Graph application permissions the bot\'s identity needs, granted with admin consent: proactive installation, users by email or department, group members.')
output graphApplicationPermissions array = [
  'TeamsAppInstallation.ReadWriteSelfForUser.All'
  'User.Read.All'
  'GroupMember.Read.All'
]

@description('The principal (object id in Entra) to grant the Graph permissions to when the bot runs as the managed identity.')
output identityPrincipalId string = identity.properties.principalId
