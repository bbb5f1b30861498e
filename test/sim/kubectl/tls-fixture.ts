// A self-signed P-256 certificate for foo.example (CN and DNS SAN) and its key, made for tests
// with `openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -days 36500
// -subj /CN=foo.example -addext subjectAltName=DNS:foo.example`. Not a secret of anything.
export const TLS_CRT = `-----BEGIN CERTIFICATE-----
MIIBmjCCAUGgAwIBAgIUDvsZX27HgQUmPMRJmDdgOCA2JMUwCgYIKoZIzj0EAwIw
FjEUMBIGA1UEAwwLZm9vLmV4YW1wbGUwIBcNMjYxMjA3MDA0MzU2WhgPMjEyNjEx
MTMwMDQzNTZaMBYxFDASBgNVBAMMC2Zvby5leGFtcGxlMFkwEwYHKoZIzj0CAQYI
KoZIzj0DAQcDQgAEN2MLsjvxreWmMvPFy/BPhCO1n2QeDGShJh8dXEiWP2CmH1q4
HkrQV2XUG07+GmICJo8tbNpqfHokDUgk8FMclKNrMGkwHQYDVR0OBBYEFDPubrO5
L6d8rihwj0QLRVpVx+NSMB8GA1UdIwQYMBaAFDPubrO5L6d8rihwj0QLRVpVx+NS
MA8GA1UdEwEB/wQFMAMBAf8wFgYDVR0RBA8wDYILZm9vLmV4YW1wbGUwCgYIKoZI
zj0EAwIDRwAwRAIgUpb+nvW4u8qMrozvLckR6Gldo0sG6Sb8FVJFmCiN8+sCIDw3
tIP6euRQrtmhPFetkQ0jqKNM70OAj7gEPmQH4PL2
-----END CERTIFICATE-----
`
export const TLS_KEY = `-----BEGIN PRIVATE KEY-----
MIGHAgEAMBMGByqGSM49AgEGCCqGSM49AwEHBG0wawIBAQQgsOCxDT9JcXMY5x3n
0/F4VPhjQ2PHLi4GOpBJKzc4eLChRANCAAQ3YwuyO/Gt5aYy88XL8E+EI7WfZB4M
ZKEmHx1cSJY/YKYfWrgeStBXZdQbTv4aYgImjy1s2mp8eiQNSCTwUxyU
-----END PRIVATE KEY-----
`
