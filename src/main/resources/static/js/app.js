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
  // A save redirects to ?saved for its notice: take that off the address, so a reload doesn't repeat it.
  if (document.getElementById('saved-message') && window.history.replaceState && window.URL) {
    var address = new URL(window.location.href);
    address.searchParams.delete('saved');
    window.history.replaceState(window.history.state, '', address.pathname + address.search + address.hash);
  }
  // After a save or a refusal its message takes the focus, so that a screen reader reads it first and the
  // keyboard goes on from there (the messages are role status or alert; tabindex -1 lets them take the focus).
  var outcome = document.querySelector('.outcome');
  if (outcome) {
    outcome.setAttribute('tabindex', '-1');
    outcome.focus();
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
