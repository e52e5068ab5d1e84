"""The portal's own data, apart from the record: what the page cache keys its entries by."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class RecordVersion(models.Model):
    """The version of the whole record: a new token at every write, kept with the data it follows.

    One row. The page cache (portal/pagecache.py) keys what it stores by it; Redis holds a copy
    for a few seconds at a time, so an edit whose new version could not reach Redis is seen by
    every server soon after Redis answers again.
    """

    token = models.CharField(_("token"), max_length=32)

    class Meta:
        verbose_name = _("record version")
        verbose_name_plural = _("record versions")

    def __str__(self):
        return self.token
