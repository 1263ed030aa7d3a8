package wechateventtest_test

import (
	"context"
	"encoding/xml"
	"fmt"
	"io"
	"log"
	"net/http"
	"net/http/httptest"

	"github.com/wechatevent/wechatevent"
	"github.com/wechatevent/wechatevent/wechateventtest"
)

// greeter answers every text message with a text reply.
func greeter(_ context.Context, ev wechatevent.Event) (wechatevent.Reply, error) {
	if m, ok := ev.(*wechatevent.TextMessage); ok {
		return wechatevent.NewTextReply(ev, "you said "+m.Content), nil
	}
	return nil, nil // "success"
}

// A security-mode callback through a Handler, with a ResponseRecorder: the
// request is encrypted and signed as WeChat does it, and OpenReply verifies
// and decrypts the answer as WeChat would.
func ExampleSender_OpenReply() {
	const key = "jWmYm7qr5nMoAUwZRjGtBxmz3KA1tkAj3ykkR6q2B2C"
	h, err := wechatevent.NewHandler("T", greeter, wechatevent.WithSecurityMode(key, "wx5823bf96d3bd56c7"))
	if err != nil {
		log.Fatal(err)
	}
	wx := &wechateventtest.Sender{Token: "T", EncodingAESKey: key, ReceiveID: "wx5823bf96d3bd56c7", Mode: wechateventtest.Secure}

	req, err := wx.NewRequest("/wechat", []byte(`<xml><ToUserName>gh_1</ToUserName><FromUserName>o_user</FromUserName>`+
		`<CreateTime>1714112445</CreateTime><MsgType>text</MsgType><Content>hi</Content><MsgId>1</MsgId></xml>`))
	if err != nil {
		log.Fatal(err)
	}
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)

	reply, err := wx.OpenReply(rec.Code, rec.Body.Bytes())
	if err != nil {
		log.Fatal(err) // a non-200, a reply that does not verify or decrypt
	}
	var text struct{ ToUserName, Content string }
	if err := xml.Unmarshal(reply, &text); err != nil {
		log.Fatal(err)
	}
	fmt.Println(text.ToUserName, text.Content)
	// Output: o_user you said hi
}

// The GET with which WeChat verifies a URL, against a running server. WeCom's
// encrypted echostr works the same way with Mode: WeCom.
func ExampleSender_NewVerifyRequest() {
	h, err := wechatevent.NewHandler("T", greeter)
	if err != nil {
		log.Fatal(err)
	}
	srv := httptest.NewServer(h)
	defer srv.Close()

	wx := &wechateventtest.Sender{Token: "T"}
	req, echo, err := wx.NewVerifyRequest(srv.URL + "/wechat")
	if err != nil {
		log.Fatal(err)
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		log.Fatal(err)
	}
	defer resp.Body.Close()
	body, _ := io.ReadAll(resp.Body)
	fmt.Println(wechateventtest.CheckEcho(resp.StatusCode, body, echo))
	// Output: <nil>
}

// Fixed timestamp and nonce give the same request every run, here the
// plain-mode signature published in the 小程序 doc.
func ExampleSender_NewRequest_fixed() {
	wx := &wechateventtest.Sender{Token: "AAAAA", Timestamp: "1714037059", Nonce: "486452656"}
	req, err := wx.NewRequest("/wechat", []byte(`<xml><MsgType>text</MsgType></xml>`))
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(req.URL)
	// Output: /wechat?signature=899cf89e464efb63f54ddac96b0a0a235f53aa78&timestamp=1714037059&nonce=486452656
}

// A retry is the first delivery again, byte for byte, timestamp and nonce
// included.
func ExampleRetry() {
	h, err := wechatevent.NewHandler("T", greeter)
	if err != nil {
		log.Fatal(err)
	}
	wx := &wechateventtest.Sender{Token: "T"}
	req, err := wx.NewRequest("/wechat", []byte(`<xml><ToUserName>gh_1</ToUserName><FromUserName>o_user</FromUserName>`+
		`<CreateTime>1714112445</CreateTime><MsgType>event</MsgType><Event>CLICK</Event><EventKey>k</EventKey></xml>`))
	if err != nil {
		log.Fatal(err)
	}
	for i := 0; i < 3; i++ {
		r, err := wechateventtest.Retry(req)
		if err != nil {
			log.Fatal(err)
		}
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, r)
		fmt.Println(rec.Code, rec.Body.String())
	}
	// Output:
	// 200 success
	// 200 success
	// 200 success
}

// WeCom (企业微信) verifies a URL with an encrypted echostr, which a Handler
// in security mode decrypts for the CorpID, and calls back with msg_signature
// only.
func ExampleSender_weCom() {
	const key = "jWmYm7qr5nMoAUwZRjGtBxmz3KA1tkAj3ykkR6q2B2C"
	const corpID = "ww1436e0e65a779aee"
	h, err := wechatevent.NewHandler("T", greeter, wechatevent.WithSecurityMode(key, corpID))
	if err != nil {
		log.Fatal(err)
	}
	wx := &wechateventtest.Sender{Token: "T", EncodingAESKey: key, ReceiveID: corpID, Mode: wechateventtest.WeCom}

	req, echo, err := wx.NewVerifyRequest("/wecom")
	if err != nil {
		log.Fatal(err)
	}
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	fmt.Println("verify:", wechateventtest.CheckEcho(rec.Code, rec.Body.Bytes(), echo))

	req, err = wx.NewRequest("/wecom", []byte(`<xml><ToUserName>`+corpID+`</ToUserName><FromUserName>zhangsan</FromUserName>`+
		`<CreateTime>1714112445</CreateTime><MsgType>text</MsgType><Content>hi</Content><MsgId>1</MsgId><AgentID>1000002</AgentID></xml>`))
	if err != nil {
		log.Fatal(err)
	}
	rec = httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	reply, err := wx.OpenReply(rec.Code, rec.Body.Bytes())
	if err != nil {
		log.Fatal(err)
	}
	var text struct{ Content string }
	if err := xml.Unmarshal(reply, &text); err != nil {
		log.Fatal(err)
	}
	fmt.Println("reply:", text.Content)
	// Output:
	// verify: <nil>
	// reply: you said hi
}
