#!/bin/sh
# run.sh reproduces BENCHMARKS.md: every peer on every body in one run,
# ten times, summarised by benchstat. Run it from anywhere on an idle machine.
# Needs benchstat: go install golang.org/x/perf/cmd/benchstat@latest
set -e
cd "$(dirname "$0")"
go test -run '^$' -bench . -benchmem -count 10 . | tee bench.out
benchstat -row /body -col /peer bench.out
