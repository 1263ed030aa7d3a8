package redisstore_test

import (
	"context"
	"errors"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"

	"github.com/redis/go-redis/v9"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/wechatevent/wechatevent"
	"github.com/wechatevent/wechatevent/redisstore"
	"github.com/wechatevent/wechatevent/wechateventtest"
)

const (
	testToken  = "AAAAA"
	testAESKey = "jWmYm7qr5nMoAUwZRjGtBxmz3KA1tkAj3ykkR6q2B2C"
	testAppID  = "wxba5fad812f8e6fb9"

	textMessage = `<xml><ToUserName><![CDATA[gh_97417a04a28d]]></ToUserName><FromUserName><![CDATA[o9AgO5Kd5ggOC-bXrbNODIiE3bGY]]></FromUserName><CreateTime>1714112445</CreateTime><MsgType><![CDATA[text]]></MsgType><Content><![CDATA[hello]]></Content><MsgId>24602147392840001</MsgId></xml>`
)

// commandSignal is a go-redis hook that reports each SET a client sends,
// so that a test knows a replica has claimed, or found claimed, a key.
type commandSignal chan struct{}

func (c commandSignal) DialHook(next redis.DialHook) redis.DialHook { return next }
func (c commandSignal) ProcessPipelineHook(next redis.ProcessPipelineHook) redis.ProcessPipelineHook {
	return next
}
func (c commandSignal) ProcessHook(next redis.ProcessHook) redis.ProcessHook {
	return func(ctx context.Context, cmd redis.Cmder) error {
		err := next(ctx, cmd)
		if strings.EqualFold(cmd.Name(), "set") {
			select {
			case c <- struct{}{}:
			default:
			}
		}
		return err
	}
}

// replicas are three servers of one service, each with its own Redis
// client, sharing one redis-server and one function.
type replicas struct {
	urls   [3]string
	claims [3]commandSignal

	mu    sync.Mutex
	calls int
	fn    func(ctx context.Context, ev wechatevent.Event) (wechatevent.Reply, error)
}

func startReplicas(t *testing.T, sender *wechateventtest.Sender) *replicas {
	t.Helper()
	addrClient := newClient(t)
	_, prefix := newStore(t, addrClient)
	rs := &replicas{}
	for i := range rs.urls {
		c := redis.NewClient(&redis.Options{Addr: addrClient.Options().Addr})
		t.Cleanup(func() { c.Close() })
		rs.claims[i] = make(commandSignal, 16)
		c.AddHook(rs.claims[i])
		opts := []wechatevent.HandlerOption{wechatevent.WithDedupe(redisstore.New(c).WithPrefix(prefix)), wechatevent.WithTimestampWindow(0)}
		if sender.Mode != wechateventtest.Plain {
			opts = append(opts, wechatevent.WithSecurityMode(sender.EncodingAESKey, sender.ReceiveID))
		}
		h, err := wechatevent.NewHandler(sender.Token, func(ctx context.Context, ev wechatevent.Event) (wechatevent.Reply, error) {
			rs.mu.Lock()
			rs.calls++
			fn := rs.fn
			rs.mu.Unlock()
			return fn(ctx, ev)
		}, opts...)
		require.NoError(t, err)
		srv := httptest.NewServer(h)
		t.Cleanup(srv.Close)
		rs.urls[i] = srv.URL + "/wechat"
	}
	return rs
}

func (rs *replicas) callCount() int {
	rs.mu.Lock()
	defer rs.mu.Unlock()
	return rs.calls
}

// send posts req, a callback or a retry of one, to replica i.
func (rs *replicas) send(t *testing.T, i int, sender *wechateventtest.Sender, body []byte) (int, []byte) {
	t.Helper()
	req, err := sender.NewRequest(rs.urls[i], body)
	if !assert.NoError(t, err) {
		return 0, nil
	}
	resp, err := http.DefaultClient.Do(req)
	if !assert.NoError(t, err) {
		return 0, nil
	}
	defer resp.Body.Close()
	answer, err := io.ReadAll(resp.Body)
	assert.NoError(t, err)
	return resp.StatusCode, answer
}

func senders() []*wechateventtest.Sender {
	return []*wechateventtest.Sender{
		{Token: testToken, Mode: wechateventtest.Plain},
		{Token: testToken, EncodingAESKey: testAESKey, ReceiveID: testAppID, Mode: wechateventtest.Secure},
	}
}

// The original reaches replica 0, whose function is slow; a retry reaches
// replica 1 while it runs and waits; another reaches replica 2 after. The
// function runs once and all three get the same answer.
func TestThreeReplicasOneDelivery(t *testing.T) {
	for _, sender := range senders() {
		t.Run(sender.Mode.String(), func(t *testing.T) {
			rs := startReplicas(t, sender)
			started, finish := make(chan struct{}), make(chan struct{})
			rs.fn = func(_ context.Context, ev wechatevent.Event) (wechatevent.Reply, error) {
				close(started)
				<-finish
				return wechatevent.NewTextReply(ev, "handled once"), nil
			}
			codes, answers := make([]int, 3), make([][]byte, 3)
			var wg sync.WaitGroup
			wg.Add(2)
			go func() {
				defer wg.Done()
				codes[0], answers[0] = rs.send(t, 0, sender, []byte(textMessage))
			}()
			<-started
			go func() {
				defer wg.Done()
				codes[1], answers[1] = rs.send(t, 1, sender, []byte(textMessage))
			}()
			<-rs.claims[1] // replica 1 found the claim of replica 0 and waits
			close(finish)
			wg.Wait()
			codes[2], answers[2] = rs.send(t, 2, sender, []byte(textMessage))

			assert.Equal(t, 1, rs.callCount())
			for i := range codes {
				require.Equal(t, http.StatusOK, codes[i], "replica %d: %s", i, answers[i])
				reply, err := sender.OpenReply(codes[i], answers[i])
				require.NoError(t, err, "replica %d", i)
				assert.Contains(t, string(reply), "<Content><![CDATA[handled once]]></Content>", "replica %d", i)
				assert.Equal(t, string(answers[0]), string(answers[i]), "replica %d: the same bytes", i)
			}
			if sender.Mode != wechateventtest.Plain {
				assert.NotContains(t, string(answers[0]), "handled once", "encrypted")
			}
		})
	}
}

// A delivery whose function fails on one replica leaves nothing behind:
// its retry on another replica is handled afresh, and recorded.
func TestThreeReplicasFailedDeliveryRetried(t *testing.T) {
	for _, sender := range senders() {
		t.Run(sender.Mode.String(), func(t *testing.T) {
			rs := startReplicas(t, sender)
			rs.fn = func(context.Context, wechatevent.Event) (wechatevent.Reply, error) {
				return nil, errors.New("database down")
			}
			code, _ := rs.send(t, 0, sender, []byte(textMessage))
			assert.Equal(t, http.StatusInternalServerError, code)

			rs.fn = func(_ context.Context, ev wechatevent.Event) (wechatevent.Reply, error) {
				return wechatevent.NewTextReply(ev, "second try"), nil
			}
			code, first := rs.send(t, 1, sender, []byte(textMessage))
			require.Equal(t, http.StatusOK, code)
			code, again := rs.send(t, 2, sender, []byte(textMessage))
			require.Equal(t, http.StatusOK, code)
			assert.Equal(t, string(first), string(again))
			assert.Equal(t, 2, rs.callCount())
			reply, err := sender.OpenReply(code, again)
			require.NoError(t, err)
			assert.Contains(t, string(reply), "second try")
		})
	}
}

// Distinct callbacks of one second, spread over the replicas, all arrive.
func TestThreeReplicasDistinctCallbacks(t *testing.T) {
	sender := senders()[1]
	rs := startReplicas(t, sender)
	rs.fn = func(context.Context, wechatevent.Event) (wechatevent.Reply, error) { return nil, nil }
	const create = `<xml><ToUserName><![CDATA[gh_97417a04a28d]]></ToUserName><FromUserName><![CDATA[sys]]></FromUserName><CreateTime>1403610513</CreateTime><MsgType><![CDATA[event]]></MsgType><Event><![CDATA[change_contact]]></Event><ChangeType>create_user</ChangeType><UserID><![CDATA[zhangsan]]></UserID></xml>`
	update := strings.Replace(create, "create_user", "update_user", 1)
	for i, body := range []string{create, update, create, update} {
		code, _ := rs.send(t, i%3, sender, []byte(body))
		assert.Equal(t, http.StatusOK, code)
	}
	assert.Equal(t, 2, rs.callCount(), "two callbacks, each once")
}
