package wechatevent_test

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"net/url"

	"github.com/wechatevent/wechatevent"
)

// WeCom verifies a callback URL with an encrypted echostr, here the one of
// WeCom's own Go sample; the answer is its plaintext.
func ExampleCrypto_VerifyURL() {
	c, err := wechatevent.NewCrypto("QDG6eK", "jWmYm7qr5nMoAUwZRjGtBxmz3KA1tkAj3ykkR6q2B2C", "wx5823bf96d3bd56c7")
	if err != nil {
		panic(err)
	}
	echo, err := c.VerifyURL("5c45ff5e21c57e6ad56bac8758b79b1d9ac89fd3", "1409659589", "263014780",
		"P9nAzCzyDtyTWESHep1vC5X9xho/qYX3Zpb4yKa9SKld1DsH3Iyt3tP3zNdtp+4RPcs8TgAE7OaBO+FZXvnaqQ==")
	fmt.Printf("%s %v\n", echo, err)

	// The same request, for a Crypto that expects another CorpID.
	other, _ := wechatevent.NewCrypto("QDG6eK", "jWmYm7qr5nMoAUwZRjGtBxmz3KA1tkAj3ykkR6q2B2C", "ww0000000000000000")
	_, err = other.VerifyURL("5c45ff5e21c57e6ad56bac8758b79b1d9ac89fd3", "1409659589", "263014780",
		"P9nAzCzyDtyTWESHep1vC5X9xho/qYX3Zpb4yKa9SKld1DsH3Iyt3tP3zNdtp+4RPcs8TgAE7OaBO+FZXvnaqQ==")
	fmt.Println(err)
	// Output:
	// 1616140317555161061 <nil>
	// wechatevent: AppID mismatch: the message's ReceiveId differs from the configured AppID
}

// A suite's 数据回调 URL serves every corp that authorised the suite: the
// Handler accepts the SuiteID and any CorpID the function accepts.
func ExampleWithReceiveIDFunc() {
	authorised := map[string]bool{"wx5823bf96d3bd56c7": true} // your store of authorising corps
	h, err := wechatevent.NewHandler("QDG6eK",
		func(ctx context.Context, ev wechatevent.Event) (wechatevent.Reply, error) { return nil, nil },
		wechatevent.WithSecurityMode("jWmYm7qr5nMoAUwZRjGtBxmz3KA1tkAj3ykkR6q2B2C", "ww4be715bb538715d3"),
		wechatevent.WithReceiveIDFunc(func(r *http.Request, corpID string) (bool, error) {
			return authorised[corpID], nil
		}),
		wechatevent.WithTimestampWindow(0), // only because WeCom's published sample dates from 2014
	)
	if err != nil {
		panic(err)
	}
	// WeCom saving the URL, with an echostr encrypted for an authorised corp.
	q := url.Values{
		"msg_signature": {"5c45ff5e21c57e6ad56bac8758b79b1d9ac89fd3"}, "timestamp": {"1409659589"}, "nonce": {"263014780"},
		"echostr": {"P9nAzCzyDtyTWESHep1vC5X9xho/qYX3Zpb4yKa9SKld1DsH3Iyt3tP3zNdtp+4RPcs8TgAE7OaBO+FZXvnaqQ=="},
	}
	w := httptest.NewRecorder()
	h.ServeHTTP(w, httptest.NewRequest(http.MethodGet, "/wecom/data?"+q.Encode(), nil))
	fmt.Println(w.Code, w.Body.String())

	delete(authorised, "wx5823bf96d3bd56c7") // the corp cancelled its authorisation
	w = httptest.NewRecorder()
	h.ServeHTTP(w, httptest.NewRequest(http.MethodGet, "/wecom/data?"+q.Encode(), nil))
	fmt.Println(w.Code)
	// Output:
	// 200 1616140317555161061
	// 403
}
