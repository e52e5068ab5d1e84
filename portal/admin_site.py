"""The admin site: Django's, plus a second factor (TOTP, django-otp) when ADMIN_REQUIRE_2FA is on.

The setting is read per request, not at import, so tests (and ``override_settings``) can switch it.
With it on, the login form asks for a one-time token besides the password, and a session that did
not pass one (``request.user.is_verified()``) is not let in, as django-otp's ``OTPAdminSite`` does.
"""

from django.conf import settings
from django.contrib import admin
from django.contrib.auth.signals import user_login_failed
from django.core.exceptions import ValidationError
from django_otp import devices_for_user
from django_otp.admin import OTPAdminAuthenticationForm, OTPAdminSite


class OTPLoginForm(OTPAdminAuthenticationForm):
    """django-otp's admin login form, which needs no choice of device when the user has only one,
    and which gives nothing away when the password is right but the one-time token is not.

    django-otp 1.7 asks for the device explicitly rather than trying the token on each (a failure
    counts against every device tried). Staff enrolled with ``add_totp_device`` have one device:
    that one is chosen, so the form is username, password and token in a single step.
    """

    def clean_otp(self, user):
        """A wrong or missing token answers as a wrong password does, and counts as one.

        django-otp would say "Invalid token" (telling a guesser the password was right), render
        the password back into the form and list the user's devices; and the failed sign-in would
        not reach django-axes, which counts Django's ``user_login_failed`` signal.
        """
        try:
            super().clean_otp(user)
        except ValidationError:
            self.fields["password"].widget.render_value = False
            self.fields["otp_device"].widget.choices = []
            self.user_cache = None
            user_login_failed.send(sender=__name__, credentials={"username": user.get_username()}, request=self.request)
            raise self.get_invalid_login_error() from None

    def _chosen_device(self, user):
        device = super()._chosen_device(user)
        if device is None:
            devices = list(devices_for_user(user, confirmed=True, for_verify=True))
            if len(devices) == 1:
                return devices[0]
        return device


class AdminSite(admin.AdminSite):
    @property
    def login_form(self):
        return OTPLoginForm if settings.ADMIN_REQUIRE_2FA else None

    @property
    def login_template(self):
        return OTPAdminSite.login_template if settings.ADMIN_REQUIRE_2FA else None

    def has_permission(self, request):
        if not super().has_permission(request):
            return False
        return not settings.ADMIN_REQUIRE_2FA or request.user.is_verified()
