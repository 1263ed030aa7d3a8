package wechatevent

import (
	"encoding/json"
	"net/http"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/wechatevent/wechatevent/internal/interop"
)

// TestReplyOpenedByOtherLibraries has the Handler answer in security mode
// and lets WeChat crypto libraries by others, from npm, verify and decrypt
// the reply: wechat-crypto (node-webot) and @wecom/crypto (WeCom's own),
// for an XML push, a 小程序 JSON push and a WeCom JSON push.
func TestReplyOpenedByOtherLibraries(t *testing.T) {
	interop.Require(t)
	h, rec := newTestHandler(t, WithSecurityMode(testAESKey, testAppID))
	rec.replyFor = textReplier(hostileReply)

	pushes := map[string]func() (string, string){
		"xml": func() (string, string) { return safeRequest(t, textMessageXML, "1714112445", "415670741") },
		"json": func() (string, string) {
			return safeJSONRequest(t, textMessageJSON, "Encrypt", "1714112445", "415670741")
		},
		"wecom json": func() (string, string) {
			return safeJSONRequest(t, textMessageJSON, "encrypt", "1714112445", "415670741")
		},
	}
	for name, push := range pushes {
		target, body := push()
		w := serve(h, http.MethodPost, target, body)
		require.Equal(t, http.StatusOK, w.Code, w.Body.String())
		for _, lib := range []string{"wechat-crypto", "@wecom/crypto"} {
			t.Run(name+"/"+lib, func(t *testing.T) {
				in, err := json.Marshal(map[string]string{"lib": lib, "token": testToken, "aesKey": testAESKey, "appID": testAppID, "body": w.Body.String()})
				require.NoError(t, err)
				var got struct {
					SignatureOK   bool
					ID            string
					Message       string
					TimestampType string
				}
				require.NoError(t, json.Unmarshal(interop.Run(t, in, "reply_open.js"), &got))
				assert.True(t, got.SignatureOK, "MsgSignature verified by %s", lib)
				assert.Equal(t, testAppID, got.ID)
				requireText(t, []byte(got.Message), hostileReply)
				if name != "xml" {
					assert.Equal(t, "number", got.TimestampType)
				}
			})
		}
	}
}
