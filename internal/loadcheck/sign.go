package main

import (
	"crypto/sha1"
	"encoding/hex"
	"net"
	"sort"
	"strings"
)

// plainSignature is the plain-mode signature as WeChat computes it: the
// SHA-1 of token, timestamp and nonce, sorted and joined.
func plainSignature(parts ...string) string {
	sorted := append([]string(nil), parts...)
	sort.Strings(sorted)
	sum := sha1.Sum([]byte(strings.Join(sorted, "")))
	return hex.EncodeToString(sum[:])
}

func listen() (net.Listener, error) { return net.Listen("tcp", "127.0.0.1:0") }
