// Inside Teams, the dashboard tab has no link to sign it: this script loads Teams' client library (served by
// the app), asks Teams for a single sign-on token and fetches the page's content with it. Outside Teams
// (not in a frame) it does nothing, and the page keeps saying how to get in.
(function () {
  "use strict";
  var main = document.getElementById("main");
  var status = document.getElementById("sso-status");
  if (!main || !status || window.parent === window) {
    return;
  }

  function say(attribute) {
    status.textContent = main.getAttribute(attribute);
  }

  function signIn() {
    var teams = window.microsoftTeams;
    if (!teams) {
      say("data-unauthorised");
      return;
    }
    teams.app.initialize()
      .then(function () { return teams.app.getContext(); })
      .then(function (context) {
        var url = new URL(window.location.href);
        if (!url.searchParams.has("lang") && context && context.app && context.app.locale) {
          url.searchParams.set("lang", context.app.locale);
        }
        return teams.authentication.getAuthToken().then(function (token) {
          return fetch(url.pathname + url.search, { headers: { "Authorization": "Bearer " + token, "X-Dashboard-Fragment": "1" }, credentials: "omit" });
        });
      })
      .then(function (response) {
        if (response.status === 403) {
          say("data-forbidden");
          return;
        }
        if (!response.ok) {
          say("data-unauthorised");
          return;
        }
        return response.text().then(function (html) {
          main.innerHTML = html;
          main.focus();
        });
      })
      .catch(function () {
        say("data-unauthorised");
      });
  }

  say("data-signing-in");
  var library = document.createElement("script");
  library.src = "/dashboard/assets/teams-js.js";
  library.onload = signIn;
  library.onerror = function () { say("data-unauthorised"); };
  document.head.appendChild(library);
})();
