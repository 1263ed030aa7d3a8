package wechatevent_test

import (
	"bytes"
	"context"
	"encoding/xml"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strconv"
	"time"

	"github.com/wechatevent/wechatevent"
)

// A callback endpoint in security mode. The handler verifies msg_signature,
// decrypts, parses and calls the function with the typed event; a reply it
// returns goes back encrypted.
func ExampleNewHandler() {
	const (
		token  = "AAAAA"
		aesKey = "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA" // EncodingAESKey
		appID  = "wx134c8103faa5a59e"
	)
	h, err := wechatevent.NewHandler(token, func(ctx context.Context, ev wechatevent.Event) (wechatevent.Reply, error) {
		switch e := ev.(type) {
		case *wechatevent.SubscribeScanEvent:
			fmt.Printf("%s followed from QR scene %s\n", e.FromUserName, e.SceneID)
		case *wechatevent.TextMessage:
			fmt.Printf("%s says %q\n", e.FromUserName, e.Content)
		}
		return nil, nil // answer "success"
	}, wechatevent.WithSecurityMode(aesKey, appID), wechatevent.WithTimestampWindow(5*time.Minute))
	if err != nil {
		panic(err)
	}
	srv := httptest.NewServer(h) // in production: http.Handle("/wechat", h)
	defer srv.Close()

	// What WeChat sends: the event encrypted, signed with msg_signature.
	// Encrypt builds exactly such an envelope, so it stands in for WeChat.
	wechat, _ := wechatevent.NewCrypto(token, aesKey, appID)
	timestamp, nonce := strconv.FormatInt(time.Now().Unix(), 10), "1590219412"
	body, _ := wechat.Encrypt([]byte(`<xml><ToUserName><![CDATA[gh_97417a04a28d]]></ToUserName>
<FromUserName><![CDATA[o9AgO5Kd5ggOC-bXrbNODIiE3bGY]]></FromUserName>
<CreateTime>1715943329</CreateTime><MsgType><![CDATA[event]]></MsgType>
<Event><![CDATA[subscribe]]></Event><EventKey><![CDATA[qrscene_123123]]></EventKey>
</xml>`), timestamp, nonce)
	var env struct{ MsgSignature string }
	_ = xml.Unmarshal(body, &env)

	q := url.Values{"timestamp": {timestamp}, "nonce": {nonce}, "encrypt_type": {"aes"}, "msg_signature": {env.MsgSignature}}
	resp, err := http.Post(srv.URL+"/wechat?"+q.Encode(), "text/xml", bytes.NewReader(body))
	if err != nil {
		panic(err)
	}
	answer, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	fmt.Println(resp.StatusCode, string(answer))

	// The same request with encrypt_type=raw and no msg_signature, as an
	// attacker who saw the URL would try: refused, the function not called.
	q = url.Values{"timestamp": {timestamp}, "nonce": {nonce}, "encrypt_type": {"raw"}}
	resp, err = http.Post(srv.URL+"/wechat?"+q.Encode(), "text/xml", bytes.NewReader(body))
	if err != nil {
		panic(err)
	}
	resp.Body.Close()
	fmt.Println(resp.StatusCode)
	// Output:
	// o9AgO5Kd5ggOC-bXrbNODIiE3bGY followed from QR scene 123123
	// 200 success
	// 403
}

// Decrypting the official 开放平台 example by hand, without the handler.
func ExampleCrypto_Decrypt() {
	c, err := wechatevent.NewCrypto("AAAAA", "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", "wx134c8103faa5a59e")
	if err != nil {
		panic(err)
	}
	body := []byte(`<xml>
    <ToUserName><![CDATA[gh_97417a04a28d]]></ToUserName>
    <Encrypt><![CDATA[D7yzvUNAL930rd28wf21s4hvXhz0L6Uit/p2Di6C5DHyYGpEgdBRnKjBec34JwoQXicwaZC7fOVihW80F4VtsdvE//1vr7oAbqjDv8KenVp+ajKYpJnyQ4zMRhIC+a31fCVOMC03FfzV/QuC94kBP55a+Za3sJgvAn+ZbsNqZI5DkyuzkhQN8OBqCzFhizGmy0xpM0MEA4agpvE+RuNO1rhHTtuJB5yltw1FiYzecSXJ+y/D2r81VkRn2eYjh2ltsoyfbDR7Is6ookXIFxTfyeNyeHxMeT4KN5WpCDmSbTcUYrbBUlkGLJ9n/rU8YOywma6G7aTb7KZKOqCxgfoUlYEZPk4FUL/TK7ShriFDMVCLyjQJ15Ob++agDWtcxhfUfe6HIoIpRW8mKNBQiY/Jd1svvuskA1wLef1RTtzKfMpagSCX/laZINmdnX4zrF6kIaR9P4xQrWXbsTFHTYe0Mg==]]></Encrypt>
</xml>`)
	// msg_signature, timestamp and nonce come from the request URL.
	plaintext, err := c.Decrypt("6c12a4205838198b8fa631b3220723bb07f1015c", "1715943329", "1590219412", body)
	if err != nil {
		panic(err)
	}
	ev, err := wechatevent.Parse(plaintext)
	if err != nil {
		panic(err)
	}
	u := ev.(*wechatevent.UnknownEvent)
	fmt.Println(u.FromUserName, u.Event, u.Value("debug_str"))
	// Output:
	// o9AgO5Kd5ggOC-bXrbNODIiE3bGY debug_demo hello world
}
