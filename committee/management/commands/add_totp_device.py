"""Enrol a staff member for two-factor sign-in: a TOTP device, shown as an otpauth:// URL and a QR code."""

import segno
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError
from django_otp.plugins.otp_totp.models import TOTPDevice


class Command(BaseCommand):
    help = (
        "Create a confirmed TOTP device for a user and print its otpauth:// URL and a QR code to scan "
        "with an authenticator app. The URL holds the secret: show it to the staff member only."
    )

    def add_arguments(self, parser):
        parser.add_argument("username")
        parser.add_argument("--name", default="Authenticator app", help="The device's name, shown in the admin.")
        parser.add_argument(
            "--replace", action="store_true", help="Delete the user's other TOTP devices first (a lost phone)."
        )
        parser.add_argument("--no-qr", action="store_true", help="Print the URL only, without the QR code.")

    def handle(self, *args, username, name, replace, no_qr, **options):
        User = get_user_model()
        try:
            user = User.objects.get_by_natural_key(username)
        except User.DoesNotExist:
            raise CommandError(f"No user named {username!r}.") from None
        if replace:
            TOTPDevice.objects.filter(user=user).delete()
        device = TOTPDevice.objects.create(user=user, name=name, confirmed=True)
        self.stdout.write(f"TOTP device {device.name!r} created for {username}. Add it to an authenticator app:")
        self.stdout.write(device.config_url)
        if not no_qr:
            segno.make(device.config_url, error="m").terminal(out=self.stdout, compact=True)
