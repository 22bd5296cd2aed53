"""Stored files in S3-compatible object storage (docs/OPERATIONS.md "Stored files").

django-storages' S3 storage, with two changes so that it behaves as the local folder does for
the code that stores files (finalising a letter, restoring a backup): its failures are OSErrors
(an unreachable endpoint, a missing bucket, refused credentials), and it gives up within
seconds instead of waiting a minute per try for an endpoint that does not answer.
"""

import errno
import functools

from botocore.config import Config
from botocore.exceptions import BotoCoreError, ClientError
from storages.backends.s3 import S3Storage

CLIENT_CONFIG = Config(connect_timeout=5, read_timeout=30,
                       retries={"mode": "standard", "max_attempts": 3})


def as_os_error(method):
    @functools.wraps(method)
    def wrapper(*args, **kwargs):
        try:
            return method(*args, **kwargs)
        except (BotoCoreError, ClientError) as error:
            raise OSError(errno.EIO, f"objectopslag: {error}") from error
    return wrapper


class ObjectStorage(S3Storage):
    _open = as_os_error(S3Storage._open)
    _save = as_os_error(S3Storage._save)
    delete = as_os_error(S3Storage.delete)
    exists = as_os_error(S3Storage.exists)
    size = as_os_error(S3Storage.size)
    listdir = as_os_error(S3Storage.listdir)

    def get_default_settings(self):
        return {**super().get_default_settings(), "client_config": CLIENT_CONFIG}
