"""Sealed answers and drafts: the database alone never tells what a person answered.

While a round is open, each submitted answer is stored only as a `SealedBox` ciphertext for the
round's own key pair, and each draft as a `SecretBox` ciphertext (PyNaCl). Every key is derived
from `ANSWER_SEALING_KEY` (by default from `SECRET_KEY`), which lives in the environment and never
in the database or its backups: whoever reads the tables, the database files or a backup cannot
read an answer or a draft, nor a deleted one's remnants on disk.

Each plaintext is compressed and padded to whole blocks of `BLOCK` bytes before it is encrypted,
so every sealed answer and every draft (up to the form's limits) has the same length: the length
of a person's draft or sealed answer cannot be matched with the written answers shown after the
round closes.
"""

from __future__ import annotations

import json
import logging
import zlib

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from nacl.encoding import RawEncoder
from nacl.exceptions import CryptoError
from nacl.hash import blake2b
from nacl.public import PrivateKey, SealedBox
from nacl.secret import SecretBox

logger = logging.getLogger(__name__)

BLOCK = 16 * 1024
_LENGTH_BYTES = 4


class SealingKeyError(ValidationError):
    """A sealed answer or draft cannot be opened with the key in force: the key has changed."""

    def __init__(self):
        super().__init__(
            _(
                "The answers could not be opened because the server's key for sealed answers "
                "has changed. Nothing was changed and the round stays open. Please contact the "
                "site's administrator."
            ),
            code="sealing_key",
        )


def _master_key() -> bytes:
    secret = getattr(settings, "ANSWER_SEALING_KEY", "") or settings.SECRET_KEY
    return blake2b(secret.encode(), digest_size=32, person=b"arvokas-sealing", encoder=RawEncoder)


def _derived_key(purpose: bytes, context: bytes) -> bytes:
    return blake2b(context, digest_size=32, key=_master_key(), person=purpose, encoder=RawEncoder)


def _round_private_key(round_id: int) -> PrivateKey:
    """The round's own key pair: one leaked round key opens no other round."""
    return PrivateKey(_derived_key(b"arvokas-round", str(round_id).encode()))


def _draft_box() -> SecretBox:
    return SecretBox(_derived_key(b"arvokas-draft", b"drafts"))


def _pad(data: object, block: int = BLOCK) -> bytes:
    """JSON, compressed, framed with its length and padded with zeros to whole blocks."""
    packed = zlib.compress(json.dumps(data, separators=(",", ":")).encode(), 9)
    framed = len(packed).to_bytes(_LENGTH_BYTES, "big") + packed
    return framed + bytes(-len(framed) % block)


def _unpad(padded: bytes) -> object:
    length = int.from_bytes(padded[:_LENGTH_BYTES], "big")
    return json.loads(zlib.decompress(padded[_LENGTH_BYTES : _LENGTH_BYTES + length]))


def answer_seal(*, round_id: int, payload: dict) -> bytes:
    """Encrypt a submitted answer for its round (anyone may seal; only the key opens it)."""
    public_key = _round_private_key(round_id).public_key
    return bytes(SealedBox(public_key).encrypt(_pad(payload)))


def answer_unseal(*, round_id: int, ciphertext: bytes) -> dict:
    """Open a sealed answer of the round; SealingKeyError if the key in force cannot."""
    try:
        padded = SealedBox(_round_private_key(round_id)).decrypt(bytes(ciphertext))
    except CryptoError:
        logger.error(
            "A sealed answer of round %s cannot be opened: ANSWER_SEALING_KEY (or SECRET_KEY, "
            "from which it is derived by default) differs from the key it was sealed with.",
            round_id,
        )
        raise SealingKeyError() from None
    return _unpad(padded)


def box_seal(*, purpose: str, context: str, payload: dict, block: int = BLOCK) -> bytes:
    """Encrypt a payload for the key pair of (purpose, context), e.g. one unit's client answers
    (feedback): anyone may seal, only the derived private key opens it. Padded to `block`."""
    public_key = PrivateKey(_derived_key(purpose.encode(), context.encode())).public_key
    return bytes(SealedBox(public_key).encrypt(_pad(payload, block)))


def box_unseal(*, purpose: str, context: str, ciphertext: bytes) -> dict:
    """Open what `box_seal` sealed for (purpose, context); SealingKeyError if the key cannot."""
    try:
        private_key = PrivateKey(_derived_key(purpose.encode(), context.encode()))
        padded = SealedBox(private_key).decrypt(bytes(ciphertext))
    except CryptoError:
        logger.error(
            "A sealed %s payload (%s) cannot be opened: the key has changed.", purpose, context
        )
        raise SealingKeyError() from None
    return _unpad(padded)


def draft_encrypt(data: object) -> bytes:
    return bytes(_draft_box().encrypt(_pad(data)))


def draft_decrypt(ciphertext: bytes) -> object:
    try:
        return _unpad(_draft_box().decrypt(bytes(ciphertext)))
    except CryptoError:
        logger.error("A draft answer cannot be opened: ANSWER_SEALING_KEY has changed.")
        raise SealingKeyError() from None


class EncryptedJSONField(models.BinaryField):
    """JSON kept encrypted and padded (see the module): Python sees the data, the database
    only a fixed-size ciphertext. Not searchable, by design."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("editable", False)
        super().__init__(*args, **kwargs)

    def from_db_value(self, value, expression, connection):
        return None if value is None else draft_decrypt(value)

    def to_python(self, value):
        # value_to_string's JSON, as loaddata gives it back; otherwise the data itself.
        return json.loads(value) if isinstance(value, str) else value

    def get_db_prep_value(self, value, connection, prepared=False):
        if value is None:
            return None
        return connection.Database.Binary(draft_encrypt(value))

    def value_to_string(self, obj):
        return json.dumps(self.value_from_object(obj))
