package wechatevent

import "testing"

var freshSamples = []catalogCase{}

func TestFreshSamples(t *testing.T) { runCatalog(t, freshSamples) }
