"""The evidence pack's format, written for someone who will check it without Caselog.

``SPEC`` goes verbatim into every pack's README.txt and into docs/EVIDENCE_PACK.md
(a test keeps the two the same), so the rules a verifier needs travel with the pack.
"""

from __future__ import annotations

SPEC = """\
FORMAT OF THIS PACK (caselog-evidence-pack, format_version 2)

1. Layout. The pack is a BagIt 1.0 bag (RFC 8493), zipped. At the top: bagit.txt,
   bag-info.txt (Source-Organization, External-Identifier = pack id, Payload-Oxum,
   Caselog-Signing-Key-Fingerprint), manifest-sha256.txt (every file under data/),
   tagmanifest-sha256.txt (every other top-level file), README.txt (this text),
   manifest.json, manifest.sig and SHA256SUMS. The payload is under data/:
   index.html, report.pdf, indicators.xlsx, custody.jsonl and
   cases/<case-ref>/case.json with cases/<case-ref>/evidence/<first 12 hex of the
   SHA-256>-<ASCII name>. Every path is ASCII; an evidence file's original name is in
   manifest.json ("original_name") and in its case.json. The ZIP may be unpacked and
   zipped again by any tool (with or without one enclosing folder): only the paths
   and bytes of the files count.

2. Hashes. Every hash is SHA-256 written as 64 lower-case hex digits. SHA256SUMS,
   manifest-sha256.txt and tagmanifest-sha256.txt have one line per file:
   "<hex><two spaces><path>", as "sha256sum -c" reads it (run it in the folder that
   holds manifest.json). SHA256SUMS lists every file except itself and
   tagmanifest-sha256.txt.

3. manifest.json is UTF-8 JSON. "files" lists every file under data/ and README.txt,
   bagit.txt, bag-info.txt and manifest-sha256.txt, each as {"path", "size" (bytes),
   "sha256"}; a file in the pack that is not listed (other than manifest.json,
   manifest.sig, SHA256SUMS and tagmanifest-sha256.txt) was added after signing.
   "made_by" holds "organisation", "signing_public_key" and "fingerprint".

4. Signature. manifest.sig holds exactly 64 bytes: the raw Ed25519 signature
   (RFC 8032) of the exact bytes of manifest.json as stored in the pack. Nothing is
   canonicalised or re-serialised: hash and verify the file's bytes as they are.

5. Key. made_by.signing_public_key is the raw 32-byte Ed25519 public key in standard
   base64 with padding (RFC 4648, 44 characters).

6. Fingerprint. SHA-256 of the raw 32 key bytes (not of the base64 text); the first
   16 bytes of that digest as 32 upper-case hex digits in 8 groups of 4 separated by
   single spaces (such as "1A2B 3C4D 5E6F 7081 ...", eight groups in all). made_by.fingerprint,
   bag-info.txt, index.html, report.pdf and this README must show only this value;
   verify-pack fails a pack that shows any other.

7. Trust. A valid signature proves only that the pack is unchanged since the key in
   the manifest signed it. Anyone can make a key. Compare the signer's fingerprint
   with one you obtained another way (a call you place to the organisation, their own
   website), never with a fingerprint printed inside the pack.

8. Custody (data/custody.jsonl). One JSON object per line, in order of "seq", from the
   first audit event of any chosen case to the last event of the store's log when the
   pack was made (manifest.json "custody": first_seq, head_seq, head_hash). Each
   event's hash is
       hash = hex(SHA-256(UTF-8(prev_hash + C)))
   where prev_hash is the previous event's hash (64 zeros for the very first event of
   a store) and C is the JSON object with exactly the keys seq, uid, at, actor,
   action, entity, entity_uid and detail, serialised with keys sorted at every level,
   separators "," and ":" and no other white space, non-ASCII characters written as
   themselves (not \\u escapes). A line of a chosen case carries those keys plus
   prev_hash and hash. A line with "other": true is an event of something outside
   the pack: only seq, prev_hash and hash are given. Every line's prev_hash must equal
   the hash of the line before it and seq must rise by one; the last line's hash must
   be head_hash. The first line's prev_hash links to events the pack does not carry
   (those of other cases, earlier): it is the anchor, compared with the store's own
   log by anyone who holds it.

9. Redaction. The fields removed (manifest.json "redaction") are replaced by the text
   "[redacted]" everywhere, custody.jsonl included. A custody line whose content was
   redacted names the replaced keys in "redacted" (for example "actor" or
   "detail.notes"); its hash cannot be recomputed from what is shown, by design, but
   its links still can: its own hash is the next line's prev_hash, and the signature
   covers the whole file. Lines without "redacted" and without "other" must recompute
   exactly.

10. Times. Every time is ISO 8601 with its offset. An evidence file's "attached_at"
   is when it entered the organisation's store; "captured_at" is when the screenshot
   or photo was taken, given only when known, and "capture_source" says how it is
   known: "png" (the PNG's own tIME or eXIf date), "exif" (the photo's EXIF
   DateTimeOriginal) or "typed" (entered by the researcher).
"""


def readme(*, organisation: str, pack_id: str, made_at: str, fingerprint: str) -> str:
    """README.txt: what the pack is, how to check it, and the format above."""
    return (
        "EVIDENCE PACK\n\n"
        f"Organisation: {organisation or '(no name set)'}\n"
        f"Pack id:      {pack_id}\n"
        f"Made at:      {made_at}\n"
        f"Signing key:  {fingerprint}\n\n"
        "Open data/index.html in a browser (no network needed) or data/report.pdf.\n"
        "To check that nothing was changed: 'caselog-cli verify-pack' on the ZIP or the\n"
        "unpacked folder, or 'bagit.py --validate' on the folder, or 'sha256sum -c\n"
        "SHA256SUMS' in the folder. Then compare the signing key's fingerprint with one\n"
        "you obtained another way (a call you place, the organisation's own website),\n"
        "never with the one printed above: whoever made the pack wrote this file too.\n\n" + SPEC
    )
