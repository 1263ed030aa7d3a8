//go:build !(386 || amd64 || arm || arm64 || loong64 || mips64le || mipsle || ppc64le || riscv64 || wasm)

package elem

// bigEndian says whether words loaded from memory have their first byte
// highest; Word turns them into the little-endian order the scan assumes.
const bigEndian = true
