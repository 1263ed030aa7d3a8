package wechatevent

import (
	"context"
	"net/http"
	"net/http/httptest"
	"strconv"
	"strings"
	"testing"
)

// BenchmarkHandlerDedupe is one signed plain-mode POST through ServeHTTP,
// every one a new callback, with dedupe off and with the default memory
// store, side by side (redisstore's benchmark adds Redis).
func BenchmarkHandlerDedupe(b *testing.B) {
	const body = `<xml><ToUserName><![CDATA[gh_97417a04a28d]]></ToUserName><FromUserName><![CDATA[o9AgO5Kd5ggOC-bXrbNODIiE3bGY]]></FromUserName><CreateTime>1714112445</CreateTime><MsgType><![CDATA[text]]></MsgType><Content><![CDATA[hello]]></Content><MsgId>24602147392840001</MsgId></xml>`
	head, tail, _ := strings.Cut(body, "24602147392840001")
	target := plainTarget()
	for _, bc := range []struct {
		name  string
		store DedupeStore
	}{{"none", nil}, {"memory", NewMemoryDedupeStore()}} {
		b.Run(bc.name, func(b *testing.B) {
			h, err := NewHandler(testToken, func(context.Context, Event) (Reply, error) { return nil, nil },
				WithDedupe(bc.store), WithTimestampWindow(0))
			if err != nil {
				b.Fatal(err)
			}
			b.ReportAllocs()
			b.ResetTimer()
			for i := 0; i < b.N; i++ {
				id := strconv.Itoa(24602147392840001 + i + b.N)
				w := httptest.NewRecorder()
				h.ServeHTTP(w, httptest.NewRequest(http.MethodPost, target, strings.NewReader(head+id+tail)))
				if w.Code != http.StatusOK {
					b.Fatal(w.Code)
				}
			}
		})
	}
}
