package wechatevent

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestDedupeKey(t *testing.T) {
	parse := func(body string) Event {
		t.Helper()
		ev, err := Parse([]byte(body))
		require.NoError(t, err)
		return ev
	}
	key := func(body string) string { return parse(body).Header().DedupeKey() }

	text := `<xml><ToUserName>gh_1</ToUserName><FromUserName>o_user</FromUserName><CreateTime>1409735668</CreateTime>` +
		`<MsgType>text</MsgType><Content>hi</Content><MsgId>6054768590064713728</MsgId></xml>`
	assert.Equal(t, "msg|gh_1|6054768590064713728", key(text))
	assert.Equal(t, key(text), key(text), "a retry has the same key")
	assert.NotEqual(t, key(text), key(strings.Replace(text, "6054768590064713728", "6054768590064713729", 1)))
	// A retry of a message keeps its MsgId even if CreateTime differed.
	assert.Equal(t, key(text), key(strings.Replace(text, "1409735668", "1409735669", 1)))

	assert.Equal(t, "event|gh_97417a04a28d|o9AgO5Kd5ggOC-bXrbNODIiE3bGY|1715943329|subscribe", key(subscribeByQR))
	assert.NotEqual(t, key(subscribeByQR), key(strings.Replace(subscribeByQR, "1715943329", "1715943330", 1)), "another second")
	assert.NotEqual(t, key(subscribeByQR), key(strings.Replace(subscribeByQR, "o9AgO5Kd", "o9AgO5Ke", 1)), "another user")
	assert.NotEqual(t, key(subscribeByQR), key(strings.Replace(subscribeByQR, "gh_97417a04a28d", "gh_other", 1)), "another account")

	click := `<xml><ToUserName>gh_1</ToUserName><FromUserName>o_user</FromUserName><CreateTime>1409735668</CreateTime>` +
		`<MsgType>event</MsgType><Event>CLICK</Event><EventKey>V1001</EventKey></xml>`
	location := strings.Replace(strings.Replace(click, "CLICK", "LOCATION", 1), "<EventKey>V1001</EventKey>", "<Latitude>23.1</Latitude>", 1)
	assert.NotEqual(t, key(click), key(location), "two events of one user in one second")

	// Job-finish events carry their own MsgID.
	job := `<xml><ToUserName>gh_1</ToUserName><FromUserName>o_sys</FromUserName><CreateTime>1394524295</CreateTime>` +
		`<MsgType>event</MsgType><Event>TEMPLATESENDJOBFINISH</Event><MsgID>200163840</MsgID><Status>success</Status></xml>`
	assert.Equal(t, "msg|gh_1|200163840", key(job))

	// 开放平台 pushes identify no sender: no reliable key.
	assert.Equal(t, "", key(`<xml><AppId>wx1</AppId><CreateTime>1413192605</CreateTime><InfoType>component_verify_ticket</InfoType></xml>`))
}
