// Progressive enhancement only: every page works without this file, and the server decides every rule.
document.addEventListener('DOMContentLoaded', function () {
  // Partner requests need tracking: grey the second checkbox out while the first is unticked.
  var tracking = document.getElementById('promoCodeTrackingEnabled');
  var requests = document.getElementById('partnerPromoCodeRequestsAllowed');
  if (tracking && requests) {
    requests.disabled = !tracking.checked;
    tracking.addEventListener('change', function () {
      if (!tracking.checked) {
        requests.checked = false;
      }
      requests.disabled = !tracking.checked;
    });
  }
  // Escape closes the profile menu and gives the focus back to it.
  document.querySelectorAll('details.profile-menu').forEach(function (menu) {
    menu.addEventListener('keydown', function (event) {
      if (event.key === 'Escape' && menu.open) {
        menu.open = false;
        menu.querySelector('summary').focus();
      }
    });
  });
});
