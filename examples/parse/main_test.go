package main

import (
	"bytes"
	"encoding/json"
	"os"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestShowPrintsTypeAndFields(t *testing.T) {
	f, err := os.Open("../../testdata/subscribe_scan.xml")
	require.NoError(t, err)
	defer f.Close()
	var out bytes.Buffer
	require.True(t, show(&out, "sample", f))

	header, body, ok := strings.Cut(out.String(), "\n")
	require.True(t, ok)
	assert.Equal(t, "sample: *wechatevent.SubscribeScanEvent", header)
	var fields map[string]any
	require.NoError(t, json.Unmarshal([]byte(body), &fields))
	assert.Equal(t, "123", fields["SceneID"])
	assert.Equal(t, "qrscene_123", fields["EventKey"])
	assert.Equal(t, "oUpF8uMuAJO_M2pxb1Q9zNjWeS6o", fields["FromUserName"])
}

func TestShowPrintsUnknownRawAsText(t *testing.T) {
	var out bytes.Buffer
	require.True(t, show(&out, "x", strings.NewReader(`<xml><MsgType>new_kind</MsgType><A>&amp;</A></xml>`)))
	assert.Contains(t, out.String(), "*wechatevent.UnknownEvent")
	assert.Contains(t, out.String(), `"Raw": "<xml><MsgType>new_kind</MsgType><A>&amp;</A></xml>"`)
}

func TestShowReportsErrors(t *testing.T) {
	var out bytes.Buffer
	assert.False(t, show(&out, "bad", strings.NewReader(`<xml><A>`)))
	assert.Contains(t, out.String(), "bad: error: wechatevent: XML syntax error at offset")
}
