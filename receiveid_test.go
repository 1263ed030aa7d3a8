package wechatevent

import (
	"bytes"
	"errors"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// echostrVectors are the published WeCom URL verifications (V3a, V4a, V5a).
func echostrVectors(t *testing.T) []struct {
	Name, Token, AESKey, AppID, Timestamp, Nonce, MsgSignature string
	Signature, Body, Encrypt, Plaintext                        string
} {
	var out []struct {
		Name, Token, AESKey, AppID, Timestamp, Nonce, MsgSignature string
		Signature, Body, Encrypt, Plaintext                        string
	}
	for _, v := range loadVectors(t).Decrypt {
		if strings.HasPrefix(v.Name, "V3a") || strings.HasPrefix(v.Name, "V4a") || strings.HasPrefix(v.Name, "V5a") {
			out = append(out, v)
		}
	}
	require.Len(t, out, 3)
	return out
}

func TestCryptoVerifyURLVectors(t *testing.T) {
	for _, v := range echostrVectors(t) {
		t.Run(v.Name, func(t *testing.T) {
			c, err := NewCrypto(v.Token, v.AESKey, v.AppID)
			require.NoError(t, err)
			got, err := c.VerifyURL(v.MsgSignature, v.Timestamp, v.Nonce, v.Encrypt)
			require.NoError(t, err)
			assert.Equal(t, v.Plaintext, string(got))

			_, err = c.VerifyURL(flipHex(v.MsgSignature), v.Timestamp, v.Nonce, v.Encrypt)
			assert.ErrorIs(t, err, ErrSignature)
			_, err = c.VerifyURL(v.MsgSignature, v.Timestamp, v.Nonce+"1", v.Encrypt)
			assert.ErrorIs(t, err, ErrSignature)
			_, err = c.VerifyURL(v.MsgSignature, v.Timestamp, v.Nonce, "")
			assert.ErrorIs(t, err, ErrDecrypt)

			// The right key and signature, another ReceiveId: -40005.
			for _, id := range []string{v.AppID + "x", "", strings.ToUpper(v.AppID)} {
				other, err := NewCrypto(v.Token, v.AESKey, id)
				require.NoError(t, err)
				_, err = other.VerifyURL(v.MsgSignature, v.Timestamp, v.Nonce, v.Encrypt)
				assert.ErrorIs(t, err, ErrAppID, "ReceiveId %q", id)
			}
		})
	}
}

func TestCryptoVerifyURLRestoresPlusSigns(t *testing.T) {
	v := echostrVectors(t)[0]
	require.Contains(t, v.Encrypt, "+")
	c, err := NewCrypto(v.Token, v.AESKey, v.AppID)
	require.NoError(t, err)
	got, err := c.VerifyURL(v.MsgSignature, v.Timestamp, v.Nonce, strings.ReplaceAll(v.Encrypt, "+", " "))
	require.NoError(t, err)
	assert.Equal(t, v.Plaintext, string(got))

	_, err = c.VerifyURL(v.MsgSignature, v.Timestamp, v.Nonce, strings.Repeat("A", maxEchostrLen+1))
	assert.ErrorIs(t, err, ErrDecrypt)
}

// wecomGET is the URL WeCom requests to verify a callback URL: only
// msg_signature, timestamp, nonce and the URL-encoded echostr.
func wecomGET(sig, ts, nonce, echostr string) string {
	return "/wecom?msg_signature=" + sig + "&timestamp=" + ts + "&nonce=" + nonce + "&echostr=" + url.QueryEscape(echostr)
}

func TestHandlerVerifiesWeComURL(t *testing.T) {
	for _, v := range echostrVectors(t) {
		t.Run(v.Name, func(t *testing.T) {
			rec := &recorder{}
			h, err := NewHandler(v.Token, rec.handle, WithSecurityMode(v.AESKey, v.AppID), WithErrorLog(rec.log), WithTimestampWindow(0))
			require.NoError(t, err)

			w := serve(h, http.MethodGet, wecomGET(v.MsgSignature, v.Timestamp, v.Nonce, v.Encrypt), "")
			require.Equal(t, http.StatusOK, w.Code, "%v", rec.logged)
			assert.Equal(t, v.Plaintext, w.Body.String(), "the plaintext alone: no quotes, BOM or newline")
			assert.Equal(t, "text/plain; charset=utf-8", w.Header().Get("Content-Type"))

			// A form decoder's "+" as space: the sample URL of V3a, unencoded.
			raw := "/wecom?msg_signature=" + v.MsgSignature + "&timestamp=" + v.Timestamp + "&nonce=" + v.Nonce + "&echostr=" + v.Encrypt
			w = serve(h, http.MethodGet, raw, "")
			assert.Equal(t, http.StatusOK, w.Code)
			assert.Equal(t, v.Plaintext, w.Body.String())

			for name, target := range map[string]string{
				"bad msg_signature": wecomGET(flipHex(v.MsgSignature), v.Timestamp, v.Nonce, v.Encrypt),
				"other nonce":       wecomGET(v.MsgSignature, v.Timestamp, v.Nonce+"0", v.Encrypt),
				"no echostr":        "/wecom?msg_signature=" + v.MsgSignature + "&timestamp=" + v.Timestamp + "&nonce=" + v.Nonce,
				"echostr twice":     wecomGET(v.MsgSignature, v.Timestamp, v.Nonce, v.Encrypt) + "&echostr=x",
				"no timestamp":      "/wecom?msg_signature=" + v.MsgSignature + "&nonce=" + v.Nonce + "&echostr=" + url.QueryEscape(v.Encrypt),
			} {
				w := serve(h, http.MethodGet, target, "")
				assert.Equal(t, http.StatusForbidden, w.Code, name)
				assert.NotContains(t, w.Body.String(), v.Plaintext, name)
			}

			// Right key and signature, but configured for another ReceiveId.
			for _, id := range []string{v.AppID + "x", ""} {
				rec := &recorder{}
				h, err := NewHandler(v.Token, rec.handle, WithSecurityMode(v.AESKey, id), WithErrorLog(rec.log), WithTimestampWindow(0))
				require.NoError(t, err)
				w := serve(h, http.MethodGet, wecomGET(v.MsgSignature, v.Timestamp, v.Nonce, v.Encrypt), "")
				assert.Equal(t, http.StatusForbidden, w.Code)
				assert.NotContains(t, w.Body.String(), v.Plaintext)
				require.Len(t, rec.logged, 1)
				assert.ErrorIs(t, rec.logged[0], ErrAppID)
				assert.Contains(t, rec.logged[0].Error(), v.AppID, "the log names the ReceiveId that came")
			}
			assert.Zero(t, rec.calls)
		})
	}
}

func TestHandlerWeComURLNeedsSecurityMode(t *testing.T) {
	v := echostrVectors(t)[0]
	rec := &recorder{}
	h, err := NewHandler(v.Token, rec.handle, WithErrorLog(rec.log), WithTimestampWindow(0))
	require.NoError(t, err)
	w := serve(h, http.MethodGet, wecomGET(v.MsgSignature, v.Timestamp, v.Nonce, v.Encrypt), "")
	assert.Equal(t, http.StatusForbidden, w.Code)
	require.Len(t, rec.logged, 1)
	assert.ErrorIs(t, rec.logged[0], ErrSignature)
	assert.Contains(t, rec.logged[0].Error(), "WithSecurityMode")
}

func TestHandlerPlainGETStillEchoesInSecurityMode(t *testing.T) {
	for _, v := range loadVectors(t).Signature {
		if v.Echostr == "" {
			continue
		}
		h, err := NewHandler(v.Token, (&recorder{}).handle, WithSecurityMode(testAESKey, testAppID), WithReceiveIDs("wwcorp"), WithTimestampWindow(0))
		require.NoError(t, err)
		w := serve(h, http.MethodGet, query("signature", v.Signature, "timestamp", v.Timestamp, "nonce", v.Nonce, "echostr", v.Echostr), "")
		assert.Equal(t, http.StatusOK, w.Code)
		assert.Equal(t, v.Echostr, w.Body.String())
		return
	}
	t.Fatal("no GET vector")
}

func TestNewHandlerReceiveIDsNeedSecurityMode(t *testing.T) {
	fn := (&recorder{}).handle
	_, err := NewHandler(testToken, fn, WithReceiveIDs("ww1"))
	assert.Error(t, err)
	_, err = NewHandler(testToken, fn, WithReceiveIDFunc(func(*http.Request, string) (bool, error) { return true, nil }))
	assert.Error(t, err)
}

const (
	testSuiteID = "ww4be715bb538715d3"
	testCorpA   = "wwa1b2c3d4e5f60001"
	testCorpB   = "wwa1b2c3d4e5f60002"
)

// wecomPost returns the URL and body WeCom sends for plaintext encrypted for
// receiveID: msg_signature only, no plain signature, no encrypt_type.
func wecomPost(t *testing.T, receiveID, plaintext, ts, nonce string) (string, string) {
	t.Helper()
	ref, err := newRefCrypto(testToken, testAESKey, receiveID)
	require.NoError(t, err)
	encrypted := ref.encrypt([]byte("0960688932c47ef1"), []byte(plaintext))
	body := "<xml><ToUserName><![CDATA[" + receiveID + "]]></ToUserName><Encrypt><![CDATA[" + encrypted + "]]></Encrypt><AgentID><![CDATA[]]></AgentID></xml>"
	return "/wecom?" + url.Values{"msg_signature": {ref.signature(testToken, ts, nonce, encrypted)}, "timestamp": {ts}, "nonce": {nonce}}.Encode(), body
}

const wecomText = `<xml><ToUserName><![CDATA[ww1436e0e65a779aee]]></ToUserName><FromUserName><![CDATA[zhangsan]]></FromUserName><CreateTime>1409659813</CreateTime><MsgType><![CDATA[text]]></MsgType><Content><![CDATA[hello]]></Content><MsgId>4561255354251345929</MsgId><AgentID>218</AgentID></xml>`

const wecomSuiteTicket = `<xml><SuiteId><![CDATA[ww4be715bb538715d3]]></SuiteId><InfoType><![CDATA[suite_ticket]]></InfoType><TimeStamp>1403610513</TimeStamp><SuiteTicket><![CDATA[asdfasfdasdfasdf]]></SuiteTicket></xml>`

func TestHandlerReceiveIDs(t *testing.T) {
	looked := []string{}
	accept := func(r *http.Request, id string) (bool, error) {
		looked = append(looked, id)
		switch id {
		case testCorpB:
			return true, nil
		case "broken":
			return false, errors.New("database down")
		}
		return false, nil
	}
	h, rec := newTestHandler(t, WithSecurityMode(testAESKey, testSuiteID), WithReceiveIDs(testCorpA), WithReceiveIDFunc(accept))
	rec.reply = RawReply(`<xml><ToUserName><![CDATA[zhangsan]]></ToUserName><MsgType><![CDATA[text]]></MsgType><Content><![CDATA[hi]]></Content></xml>`)

	for _, tc := range []struct {
		id     string
		status int
		looked bool
	}{
		{testSuiteID, http.StatusOK, false},                      // the appID of WithSecurityMode
		{testCorpA, http.StatusOK, false},                        // one of WithReceiveIDs
		{testCorpB, http.StatusOK, true},                         // accepted by the function
		{"wwunknown", http.StatusForbidden, true},                // refused by the function
		{"", http.StatusForbidden, true},                         // empty is no wildcard
		{strings.ToUpper(testCorpA), http.StatusForbidden, true}, // compared exactly
		{"broken", http.StatusInternalServerError, true},         // lookup failed: WeCom retries
	} {
		looked = looked[:0]
		calls := rec.calls
		target, body := wecomPost(t, tc.id, wecomText, "1409659813", "1372623149")
		w := serve(h, http.MethodPost, target, body)
		assert.Equal(t, tc.status, w.Code, "ReceiveId %q", tc.id)
		if tc.looked {
			assert.Equal(t, []string{tc.id}, looked, "ReceiveId %q", tc.id)
		} else {
			assert.Empty(t, looked, "ReceiveId %q", tc.id)
		}
		if tc.status != http.StatusOK {
			assert.Equal(t, calls, rec.calls, "fn not called for ReceiveId %q", tc.id)
			continue
		}
		// The reply carries the ReceiveId of the callback it answers.
		ref, err := newRefCrypto(testToken, testAESKey, tc.id)
		require.NoError(t, err)
		_, msg, err := ref.open(w.Body.Bytes())
		require.NoError(t, err, "reply for ReceiveId %q", tc.id)
		assert.Equal(t, string(rec.reply.(RawReply)), string(msg))
	}
	var lookup *receiveIDError
	require.NotEmpty(t, rec.logged)
	assert.True(t, errors.As(rec.logged[len(rec.logged)-1], &lookup))
	assert.Contains(t, rec.logged[len(rec.logged)-1].Error(), "database down")
}

func TestHandlerEmptyReceiveID(t *testing.T) {
	// 个人主体 apps and the AI bot: configured explicitly as "".
	for _, opts := range [][]HandlerOption{
		{WithSecurityMode(testAESKey, "")},
		{WithSecurityMode(testAESKey, testCorpA), WithReceiveIDs("")},
	} {
		h, rec := newTestHandler(t, opts...)
		target, body := wecomPost(t, "", wecomText, "1409659813", "1372623149")
		w := serve(h, http.MethodPost, target, body)
		assert.Equal(t, http.StatusOK, w.Code, "%v", rec.logged)
		assert.Equal(t, 1, rec.calls)
	}
	// Configured for "", a named ReceiveId is refused just the same.
	h, rec := newTestHandler(t, WithSecurityMode(testAESKey, ""))
	target, body := wecomPost(t, testCorpA, wecomText, "1409659813", "1372623149")
	assert.Equal(t, http.StatusForbidden, serve(h, http.MethodPost, target, body).Code)
	// And WithReceiveIDs with no ids adds nothing, in particular not "".
	h, rec = newTestHandler(t, WithSecurityMode(testAESKey, testCorpA), WithReceiveIDs())
	target, body = wecomPost(t, "", wecomText, "1409659813", "1372623149")
	assert.Equal(t, http.StatusForbidden, serve(h, http.MethodPost, target, body).Code)
	assert.Zero(t, rec.calls)
}

func TestHandlerNoReplyAnswers(t *testing.T) {
	for _, tc := range []struct {
		name      string
		plaintext string
		wecom     bool
		want      string
	}{
		{"WeCom self-built app message", wecomText, true, ""},
		{"WeCom suite 指令回调 push", wecomSuiteTicket, true, "success"},
		{"公众号 in security mode", subscribeByQR, false, "success"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			h, rec := newTestHandler(t, WithSecurityMode(testAESKey, testAppID))
			var target, body string
			if tc.wecom {
				target, body = wecomPost(t, testAppID, tc.plaintext, "1409659813", "1372623149")
			} else {
				target, body = safeRequest(t, tc.plaintext, "1715943329", "1590219412")
			}
			w := serve(h, http.MethodPost, target, body)
			require.Equal(t, http.StatusOK, w.Code, "%v", rec.logged)
			assert.Equal(t, 1, rec.calls)
			assert.Equal(t, tc.want, w.Body.String())
		})
	}
}

func TestHandlerReceiveIDFuncSeesRequest(t *testing.T) {
	// A 数据回调 URL with WeCom's $CORPID$ placeholder filled in.
	var gotCorp, gotID string
	h, rec := newTestHandler(t, WithSecurityMode(testAESKey, testSuiteID),
		WithReceiveIDFunc(func(r *http.Request, id string) (bool, error) {
			gotCorp, gotID = r.URL.Query().Get("corpid"), id
			return id == gotCorp, nil
		}))
	target, body := wecomPost(t, testCorpA, wecomText, "1409659813", "1372623149")
	w := serve(h, http.MethodPost, target+"&corpid="+testCorpA, body)
	assert.Equal(t, http.StatusOK, w.Code, "%v", rec.logged)
	assert.Equal(t, testCorpA, gotCorp)
	assert.Equal(t, testCorpA, gotID)
}

func TestHandlerWeComURLMalformedEchostr(t *testing.T) {
	_, ref := newTestCrypto(t)
	for name, echostr := range map[string]string{
		"not base64":         "not*base64!",
		"short of a block":   "QUJDREVGR0hJSktMTU5PUA==",
		"line break":         ref.encrypt([]byte("0123456789abcdef"), []byte("1616140317555161061"))[:20] + "\n" + "AAAA",
		"bad padding":        ref.encryptRaw(bytes.Repeat([]byte{0}, 32)),
		"length beyond data": ref.encryptRaw(layout(1<<31, "1616", testAppID, padTo32(16+4+4+len(testAppID))...)),
	} {
		h, rec := newTestHandler(t, WithSecurityMode(testAESKey, testAppID))
		const ts, nonce = "1409659589", "263014780"
		w := serve(h, http.MethodGet, wecomGET(ref.signature(testToken, ts, nonce, echostr), ts, nonce, echostr), "")
		assert.Equal(t, http.StatusBadRequest, w.Code, name)
		require.Len(t, rec.logged, 1, name)
		assert.ErrorIs(t, rec.logged[0], ErrDecrypt, name)
	}
}
