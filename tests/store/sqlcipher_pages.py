"""Read a SQLCipher 4 file page by page, decrypted by this code, not by SQLCipher.

SQLCipher 4 defaults: key = PBKDF2-HMAC-SHA512(passphrase, salt, 256,000
iterations, 32 bytes); the salt is the first 16 bytes of the file; pages of 4096
bytes, each AES-256-CBC encrypted except its last 80 bytes (the reserve: a
16-byte IV, then a 64-byte HMAC); on page 1 the first 16 bytes (the salt) are not
encrypted. Page 1 decrypts to "SQLite format 3" once its header is put back, which
proves the key and the layout are right.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes

PAGE = 4096
RESERVE = 80
SALT = 16
ITERATIONS = 256_000


def decrypted_pages(path: Path, passphrase: str) -> list[bytes]:
    """Every page of the file, decrypted (page 1 with the SQLite header restored)."""
    data = path.read_bytes()
    assert len(data) % PAGE == 0, f"{path} is not whole pages"
    salt = data[:SALT]
    key = hashlib.pbkdf2_hmac("sha512", passphrase.encode("utf-8"), salt, ITERATIONS, 32)
    pages = []
    for number in range(len(data) // PAGE):
        page = data[number * PAGE : (number + 1) * PAGE]
        start = SALT if number == 0 else 0
        iv = page[PAGE - RESERVE : PAGE - RESERVE + 16]
        decryptor = Cipher(algorithms.AES(key), modes.CBC(iv)).decryptor()
        plain = decryptor.update(page[start : PAGE - RESERVE]) + decryptor.finalize()
        if number == 0:
            plain = b"SQLite format 3\x00" + plain
        pages.append(plain)
    assert pages and pages[0].startswith(b"SQLite format 3\x00"), "not decrypted"
    # The page size field of the decrypted header must say 4096: the key was right.
    assert int.from_bytes(pages[0][16:18], "big") == PAGE, "wrong key or not SQLCipher 4"
    return pages
