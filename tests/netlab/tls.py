"""A throwaway certificate authority and a server certificate for a lab server's IP address.

Made with the `openssl` command in a folder the caller owns (a pytest tmp_path), never in
the repository. A client trusts the CA through OpenSSL's standard `SSL_CERT_FILE`, which
`ssl.create_default_context()` honours, so no code needs a hook to trust a test CA.
"""

import subprocess
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class LabCertificates:
    ca: Path  # give it to clients as SSL_CERT_FILE
    cert: Path  # the server's certificate, for the server's IP address
    key: Path  # the server's private key


def _openssl(*args: str) -> None:
    subprocess.run(["openssl", *args], check=True, capture_output=True, timeout=30)


def make_lab_certificates(folder: Path, ip: str) -> LabCertificates:
    """A CA valid for a day and a certificate it signed for `ip` (as an IP SAN)."""
    ca_key, ca, key, csr, cert = (
        folder / name for name in ("ca.key", "ca.pem", "server.key", "server.csr", "server.pem")
    )
    _openssl(
        "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1",
        "-nodes", "-keyout", str(ca_key), "-out", str(ca), "-days", "1",
        "-subj", "/CN=Router Advisor test lab CA",
        "-addext", "basicConstraints=critical,CA:TRUE",
        "-addext", "keyUsage=critical,keyCertSign,cRLSign",
    )  # fmt: skip
    _openssl(
        "req", "-new", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1",
        "-nodes", "-keyout", str(key), "-out", str(csr), "-subj", f"/CN={ip}",
    )  # fmt: skip
    extensions = folder / "server.ext"
    extensions.write_text(
        f"subjectAltName=IP:{ip}\n"
        "basicConstraints=critical,CA:FALSE\n"
        "keyUsage=critical,digitalSignature\n"
        "extendedKeyUsage=serverAuth\n",
        encoding="utf-8",
    )
    _openssl(
        "x509", "-req", "-in", str(csr), "-CA", str(ca), "-CAkey", str(ca_key),
        "-CAcreateserial", "-out", str(cert), "-days", "1", "-extfile", str(extensions),
    )  # fmt: skip
    return LabCertificates(ca, cert, key)
