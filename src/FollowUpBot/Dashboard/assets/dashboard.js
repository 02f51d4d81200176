// Inside Teams, the dashboard tab has no cookie or link: it asks Teams for a single sign-on token and
// fetches the page's content with it. Outside Teams this script leaves the sign-in message as it is.
(function () {
  "use strict";
  var main = document.getElementById("main");
  var status = document.getElementById("sso-status");
  if (!main || !status || window.parent === window || !window.microsoftTeams) {
    return;
  }

  status.textContent = main.getAttribute("data-signing-in");
  var teams = window.microsoftTeams;
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
        status.textContent = main.getAttribute("data-forbidden");
        return;
      }
      if (!response.ok) {
        status.textContent = main.getAttribute("data-unauthorised");
        return;
      }
      return response.text().then(function (html) {
        main.innerHTML = html;
        main.focus();
      });
    })
    .catch(function () {
      status.textContent = main.getAttribute("data-unauthorised");
    });
})();
