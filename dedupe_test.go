package wechatevent

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// Callbacks that WeChat sends in one second and that a key built from
// FromUserName, CreateTime and Event merges. Each group is distinct
// callbacks; every one must be delivered.
var sameSecondBursts = map[string][]string{
	"wxa_media_check, two trace_id": {
		`<xml><ToUserName><![CDATA[gh_6e306981e699]]></ToUserName><FromUserName><![CDATA[oeaTy0Ej7xM_LexOCWGeJtL4ABoE]]></FromUserName><CreateTime>1659967849</CreateTime><MsgType><![CDATA[event]]></MsgType><Event><![CDATA[wxa_media_check]]></Event><appid><![CDATA[wx12b4f63276b14d4c]]></appid><trace_id><![CDATA[62f11967-2b24d27a-34715985]]></trace_id><version>2</version><result><suggest><![CDATA[pass]]></suggest><label>100</label></result></xml>`,
		`<xml><ToUserName><![CDATA[gh_6e306981e699]]></ToUserName><FromUserName><![CDATA[oeaTy0Ej7xM_LexOCWGeJtL4ABoE]]></FromUserName><CreateTime>1659967849</CreateTime><MsgType><![CDATA[event]]></MsgType><Event><![CDATA[wxa_media_check]]></Event><appid><![CDATA[wx12b4f63276b14d4c]]></appid><trace_id><![CDATA[62f11967-2b24d27a-34715986]]></trace_id><version>2</version><result><suggest><![CDATA[pass]]></suggest><label>100</label></result></xml>`,
	},
	"WeCom create_user and update_user": {
		`<xml><ToUserName><![CDATA[ww1234567890abcdef]]></ToUserName><FromUserName><![CDATA[sys]]></FromUserName><CreateTime>1403610513</CreateTime><MsgType><![CDATA[event]]></MsgType><Event><![CDATA[change_contact]]></Event><ChangeType>create_user</ChangeType><UserID><![CDATA[zhangsan]]></UserID><Name><![CDATA[张三]]></Name><Department><![CDATA[1,2,3]]></Department></xml>`,
		`<xml><ToUserName><![CDATA[ww1234567890abcdef]]></ToUserName><FromUserName><![CDATA[sys]]></FromUserName><CreateTime>1403610513</CreateTime><MsgType><![CDATA[event]]></MsgType><Event><![CDATA[change_contact]]></Event><ChangeType>update_user</ChangeType><UserID><![CDATA[zhangsan]]></UserID><Department><![CDATA[1,2,3]]></Department><IsLeaderInDept><![CDATA[1,0,0]]></IsLeaderInDept></xml>`,
	},
	"add_external_contact, three contacts": {
		`<xml><ToUserName><![CDATA[ww1234567890abcdef]]></ToUserName><FromUserName><![CDATA[sys]]></FromUserName><CreateTime>1403610513</CreateTime><MsgType><![CDATA[event]]></MsgType><Event><![CDATA[change_external_contact]]></Event><ChangeType><![CDATA[add_external_contact]]></ChangeType><UserID><![CDATA[zhangsan]]></UserID><ExternalUserID><![CDATA[woAJ2GCAAAXtWyujaWJHDDGi0mACAAA]]></ExternalUserID><State><![CDATA[qr]]></State><WelcomeCode><![CDATA[WELCOMECODE1]]></WelcomeCode></xml>`,
		`<xml><ToUserName><![CDATA[ww1234567890abcdef]]></ToUserName><FromUserName><![CDATA[sys]]></FromUserName><CreateTime>1403610513</CreateTime><MsgType><![CDATA[event]]></MsgType><Event><![CDATA[change_external_contact]]></Event><ChangeType><![CDATA[add_external_contact]]></ChangeType><UserID><![CDATA[zhangsan]]></UserID><ExternalUserID><![CDATA[woAJ2GCAAAXtWyujaWJHDDGi0mACAAB]]></ExternalUserID><State><![CDATA[qr]]></State><WelcomeCode><![CDATA[WELCOMECODE2]]></WelcomeCode></xml>`,
		`<xml><ToUserName><![CDATA[ww1234567890abcdef]]></ToUserName><FromUserName><![CDATA[sys]]></FromUserName><CreateTime>1403610513</CreateTime><MsgType><![CDATA[event]]></MsgType><Event><![CDATA[change_external_contact]]></Event><ChangeType><![CDATA[add_external_contact]]></ChangeType><UserID><![CDATA[zhangsan]]></UserID><ExternalUserID><![CDATA[woAJ2GCAAAXtWyujaWJHDDGi0mACAAC]]></ExternalUserID><State><![CDATA[qr]]></State><WelcomeCode><![CDATA[WELCOMECODE3]]></WelcomeCode></xml>`,
	},
	"sys_approval_change, a batch": {
		`<xml><ToUserName><![CDATA[ww1234567890abcdef]]></ToUserName><FromUserName><![CDATA[sys]]></FromUserName><CreateTime>1527838022</CreateTime><MsgType><![CDATA[event]]></MsgType><Event><![CDATA[sys_approval_change]]></Event><AgentID>3010040</AgentID><ApprovalInfo><SpNo>201806010001</SpNo><SpName><![CDATA[请假]]></SpName><SpStatus>2</SpStatus></ApprovalInfo></xml>`,
		`<xml><ToUserName><![CDATA[ww1234567890abcdef]]></ToUserName><FromUserName><![CDATA[sys]]></FromUserName><CreateTime>1527838022</CreateTime><MsgType><![CDATA[event]]></MsgType><Event><![CDATA[sys_approval_change]]></Event><AgentID>3010040</AgentID><ApprovalInfo><SpNo>201806010002</SpNo><SpName><![CDATA[请假]]></SpName><SpStatus>2</SpStatus></ApprovalInfo></xml>`,
		`<xml><ToUserName><![CDATA[ww1234567890abcdef]]></ToUserName><FromUserName><![CDATA[sys]]></FromUserName><CreateTime>1527838022</CreateTime><MsgType><![CDATA[event]]></MsgType><Event><![CDATA[sys_approval_change]]></Event><AgentID>3010040</AgentID><ApprovalInfo><SpNo>201806010003</SpNo><SpName><![CDATA[请假]]></SpName><SpStatus>2</SpStatus></ApprovalInfo></xml>`,
		`<xml><ToUserName><![CDATA[ww1234567890abcdef]]></ToUserName><FromUserName><![CDATA[sys]]></FromUserName><CreateTime>1527838022</CreateTime><MsgType><![CDATA[event]]></MsgType><Event><![CDATA[sys_approval_change]]></Event><AgentID>3010040</AgentID><ApprovalInfo><SpNo>201806010004</SpNo><SpName><![CDATA[请假]]></SpName><SpStatus>2</SpStatus></ApprovalInfo></xml>`,
	},
}

func TestDedupeKey(t *testing.T) {
	key := DedupeKey("", []byte(subscribeByQR))
	assert.Len(t, key, 64)
	assert.Equal(t, key, DedupeKey("", []byte(subscribeByQR)), "a retry has the same key")
	assert.NotEqual(t, key, DedupeKey(testAppID, []byte(subscribeByQR)), "another ReceiveId")
	assert.NotEqual(t, key, DedupeKey("", []byte(strings.Replace(subscribeByQR, "gh_97417a04a28d", "gh_other", 1))), "another account")
	// The ReceiveId and the body cannot trade bytes.
	assert.NotEqual(t, DedupeKey("wx1", []byte("2<xml/>")), DedupeKey("wx12", []byte("<xml/>")))

	all := map[string]string{}
	for name, group := range sameSecondBursts {
		for i, body := range group {
			k := DedupeKey("", []byte(body))
			if other, dup := all[k]; dup {
				t.Errorf("%s #%d has the key of %s", name, i, other)
			}
			all[k] = fmt.Sprintf("%s #%d", name, i)
		}
	}
}

func TestDedupeState(t *testing.T) {
	assert.Equal(t, "claimed", DedupeClaimed.String())
	assert.Equal(t, "pending", DedupePending.String())
	assert.Equal(t, "done", DedupeDone.String())
	assert.Equal(t, "DedupeState(0)", DedupeState(0).String())
}

// dedupeHandler is a plain-mode handler with the default dedupe, whose
// function counts its calls per body and returns what reply says.
type dedupeHandler struct {
	*Handler
	mu     sync.Mutex
	calls  map[string]int
	reply  func(ctx context.Context, ev Event) (Reply, error)
	logged []error
}

func newDedupeHandler(t *testing.T, opts ...HandlerOption) *dedupeHandler {
	t.Helper()
	d := &dedupeHandler{calls: map[string]int{}}
	d.reply = func(context.Context, Event) (Reply, error) { return nil, nil }
	h, err := NewHandler(testToken, func(ctx context.Context, ev Event) (Reply, error) {
		d.mu.Lock()
		d.calls[DedupeKeyFromContext(ctx)]++
		reply := d.reply
		d.mu.Unlock()
		return reply(ctx, ev)
	}, append([]HandlerOption{WithTimestampWindow(0), WithErrorLog(func(_ *http.Request, err error) {
		d.mu.Lock()
		d.logged = append(d.logged, err)
		d.mu.Unlock()
	})}, opts...)...)
	require.NoError(t, err)
	d.Handler = h
	return d
}

func (d *dedupeHandler) callsOf(body string) int {
	d.mu.Lock()
	defer d.mu.Unlock()
	return d.calls[DedupeKey("", []byte(body))]
}

func (d *dedupeHandler) errors() []error {
	d.mu.Lock()
	defer d.mu.Unlock()
	return append([]error(nil), d.logged...)
}

// post sends body as WeChat does in plain mode, with a nonce of its own,
// as a retry may carry.
func (d *dedupeHandler) post(body, nonce string) (int, string) {
	w := serve(d, http.MethodPost, query("signature", plainSig("1715943329", nonce), "timestamp", "1715943329", "nonce", nonce), body)
	return w.Code, w.Body.String()
}

func TestHandlerSameSecondCallbacksAllDelivered(t *testing.T) {
	d := newDedupeHandler(t)
	for name, group := range sameSecondBursts {
		for i, body := range group {
			code, _ := d.post(body, "1")
			require.Equal(t, http.StatusOK, code, "%s #%d", name, i)
		}
	}
	for name, group := range sameSecondBursts {
		for i, body := range group {
			code, answer := d.post(body, "2") // a retry
			require.Equal(t, http.StatusOK, code)
			assert.Equal(t, "success", answer)
			assert.Equal(t, 1, d.callsOf(body), "%s #%d", name, i)
		}
	}
}

func TestHandlerDedupeRetryAfter(t *testing.T) {
	d := newDedupeHandler(t)
	n := 0
	d.reply = func(context.Context, Event) (Reply, error) {
		n++
		return RawReply(fmt.Sprintf("<xml><Content>reply %d</Content></xml>", n)), nil
	}
	for i := 0; i < 4; i++ {
		code, answer := d.post(subscribeByQR, fmt.Sprint(i))
		require.Equal(t, http.StatusOK, code)
		assert.Equal(t, "<xml><Content>reply 1</Content></xml>", answer, "delivery %d", i)
	}
	assert.Equal(t, 1, d.callsOf(subscribeByQR))
	assert.Empty(t, d.errors())
}

func TestHandlerDedupeRetryWhilePending(t *testing.T) {
	d := newDedupeHandler(t)
	started, finish := make(chan struct{}), make(chan struct{})
	d.reply = func(context.Context, Event) (Reply, error) {
		close(started)
		<-finish
		return RawReply("<xml><Content>slow</Content></xml>"), nil
	}
	var wg sync.WaitGroup
	answers := make([]string, 3)
	codes := make([]int, 3)
	wg.Add(1)
	go func() {
		defer wg.Done()
		codes[0], answers[0] = d.post(subscribeByQR, "1")
	}()
	<-started
	for i := 1; i < 3; i++ {
		wg.Add(1)
		go func(i int) {
			defer wg.Done()
			codes[i], answers[i] = d.post(subscribeByQR, fmt.Sprint(i+1))
		}(i)
	}
	// Wait until both retries are waiting: they found the claim pending.
	require.Eventually(t, func() bool {
		s := d.store.(*memoryDedupeStore)
		s.mu.Lock()
		defer s.mu.Unlock()
		e := s.entries[DedupeKey("", []byte(subscribeByQR))]
		return e != nil && e.ended != nil
	}, 5*time.Second, time.Millisecond)
	close(finish)
	wg.Wait()
	for i := range codes {
		assert.Equal(t, http.StatusOK, codes[i], "delivery %d", i)
		assert.Equal(t, "<xml><Content>slow</Content></xml>", answers[i], "delivery %d", i)
	}
	assert.Equal(t, 1, d.callsOf(subscribeByQR))
}

func TestHandlerDedupeFailedDeliveryIsRetried(t *testing.T) {
	t.Run("error", func(t *testing.T) {
		d := newDedupeHandler(t)
		d.reply = func(context.Context, Event) (Reply, error) { return nil, errors.New("database down") }
		code, _ := d.post(subscribeByQR, "1")
		assert.Equal(t, http.StatusInternalServerError, code)
		d.reply = func(context.Context, Event) (Reply, error) { return nil, nil }
		code, answer := d.post(subscribeByQR, "2")
		assert.Equal(t, http.StatusOK, code)
		assert.Equal(t, "success", answer)
		assert.Equal(t, 2, d.callsOf(subscribeByQR))
		code, _ = d.post(subscribeByQR, "3")
		assert.Equal(t, http.StatusOK, code)
		assert.Equal(t, 2, d.callsOf(subscribeByQR), "the successful delivery is recorded")
	})
	t.Run("panic", func(t *testing.T) {
		d := newDedupeHandler(t)
		d.reply = func(context.Context, Event) (Reply, error) { panic("bug") }
		assert.PanicsWithValue(t, "bug", func() { d.post(subscribeByQR, "1") }, "the panic reaches net/http")
		d.reply = func(context.Context, Event) (Reply, error) { return nil, nil }
		code, _ := d.post(subscribeByQR, "2")
		assert.Equal(t, http.StatusOK, code)
		assert.Equal(t, 2, d.callsOf(subscribeByQR))
	})
	t.Run("deadline", func(t *testing.T) {
		d := newDedupeHandler(t)
		d.deadline = 20 * time.Millisecond
		var deadlines []time.Time
		d.reply = func(ctx context.Context, _ Event) (Reply, error) {
			dl, ok := ctx.Deadline()
			require.True(t, ok, "fn's context has a deadline")
			deadlines = append(deadlines, dl)
			<-ctx.Done()
			return nil, ctx.Err()
		}
		code, _ := d.post(subscribeByQR, "1")
		assert.Equal(t, http.StatusInternalServerError, code)
		errs := d.errors()
		require.NotEmpty(t, errs)
		assert.ErrorIs(t, errs[len(errs)-1], context.DeadlineExceeded)
		d.reply = func(context.Context, Event) (Reply, error) { return nil, nil }
		d.deadline = CallbackDeadline
		code, _ = d.post(subscribeByQR, "2")
		assert.Equal(t, http.StatusOK, code)
		assert.Equal(t, 2, d.callsOf(subscribeByQR))
	})
}

func TestHandlerDefaultDeadline(t *testing.T) {
	d := newDedupeHandler(t)
	var deadline time.Time
	d.reply = func(ctx context.Context, _ Event) (Reply, error) {
		dl, ok := ctx.Deadline()
		require.True(t, ok)
		deadline = dl
		return nil, nil
	}
	before := time.Now()
	code, _ := d.post(subscribeByQR, "1")
	after := time.Now()
	require.Equal(t, http.StatusOK, code)
	assert.False(t, deadline.Before(before.Add(CallbackDeadline)), "CallbackDeadline after the request arrived")
	assert.False(t, deadline.After(after.Add(CallbackDeadline)))
	assert.Less(t, CallbackDeadline, 5*time.Second, "under WeChat's 5 s")
}

// A claim whose process died expires; until then a retry waits, and answers
// 503 when its own deadline comes first.
func TestHandlerDedupeCrashedClaimExpires(t *testing.T) {
	d := newDedupeHandler(t)
	d.deadline = 30 * time.Millisecond
	const claimTTL = 500 * time.Millisecond // long beside the deadline, on a loaded machine too
	state, _, err := d.store.Claim(context.Background(), DedupeKey("", []byte(subscribeByQR)), "crashed", claimTTL)
	require.NoError(t, err)
	require.Equal(t, DedupeClaimed, state)

	code, _ := d.post(subscribeByQR, "1")
	assert.Equal(t, http.StatusServiceUnavailable, code, "waited its deadline for the dead claim")
	assert.Zero(t, d.callsOf(subscribeByQR))
	time.Sleep(claimTTL)
	d.deadline = CallbackDeadline
	code, _ = d.post(subscribeByQR, "2")
	assert.Equal(t, http.StatusOK, code)
	assert.Equal(t, 1, d.callsOf(subscribeByQR))
}

// brokenStore is a DedupeStore whose every call fails, as one that cannot be
// reached does.
type brokenStore struct{ calls atomic.Int64 }

var errStoreDown = errors.New("store unreachable")

func (s *brokenStore) Claim(context.Context, string, string, time.Duration) (DedupeState, []byte, error) {
	s.calls.Add(1)
	return 0, nil, errStoreDown
}
func (s *brokenStore) Wait(context.Context, string) error { s.calls.Add(1); return errStoreDown }
func (s *brokenStore) Complete(context.Context, string, string, []byte, time.Duration) error {
	s.calls.Add(1)
	return errStoreDown
}
func (s *brokenStore) Release(context.Context, string, string) error {
	s.calls.Add(1)
	return errStoreDown
}

func TestHandlerDedupeStoreDownStillDelivers(t *testing.T) {
	store := &brokenStore{}
	d := newDedupeHandler(t, WithDedupe(store))
	for i := 0; i < 2; i++ {
		code, answer := d.post(subscribeByQR, fmt.Sprint(i))
		assert.Equal(t, http.StatusOK, code)
		assert.Equal(t, "success", answer)
	}
	assert.Equal(t, 2, d.callsOf(subscribeByQR), "at least once")
	assert.Equal(t, int64(2), store.calls.Load(), "no claim, so nothing to record")
	errs := d.errors()
	require.Len(t, errs, 2)
	for _, err := range errs {
		assert.ErrorIs(t, err, errStoreDown)
	}
}

func TestHandlerDedupeOff(t *testing.T) {
	d := newDedupeHandler(t, WithDedupe(nil))
	for i := 0; i < 3; i++ {
		code, _ := d.post(subscribeByQR, fmt.Sprint(i))
		require.Equal(t, http.StatusOK, code)
	}
	assert.Equal(t, 3, d.callsOf(subscribeByQR))
}

// In security mode the answer recorded is the encrypted reply: each retry
// gets the same bytes, and nothing in the store is plaintext.
func TestHandlerDedupeSecurityMode(t *testing.T) {
	d := newDedupeHandler(t, WithSecurityMode(testAESKey, testAppID))
	d.reply = func(context.Context, Event) (Reply, error) {
		return RawReply("<xml><Content><![CDATA[欢迎]]></Content></xml>"), nil
	}
	var first string
	for i := 0; i < 3; i++ {
		// WeChat encrypts each retry afresh; the plaintext is the same.
		target, body := safeRequest(t, subscribeByQR, "1715943329", fmt.Sprint(i))
		w := serve(d, http.MethodPost, target, body)
		require.Equal(t, http.StatusOK, w.Code)
		if i == 0 {
			first = w.Body.String()
		}
		assert.Equal(t, first, w.Body.String())
	}
	assert.NotContains(t, first, "欢迎")
	d.mu.Lock()
	assert.Equal(t, 1, d.calls[DedupeKey(testAppID, []byte(subscribeByQR))])
	d.mu.Unlock()
	_, ref := newTestCrypto(t)
	_, msg, err := ref.open([]byte(first))
	require.NoError(t, err)
	assert.Equal(t, "<xml><Content><![CDATA[欢迎]]></Content></xml>", string(msg))
}

func TestNewHandlerDedupeOptions(t *testing.T) {
	fn := func(context.Context, Event) (Reply, error) { return nil, nil }
	h, err := NewHandler(testToken, fn)
	require.NoError(t, err)
	assert.IsType(t, &memoryDedupeStore{}, h.store, "the default store")
	assert.Equal(t, DefaultDedupeTTL, h.dedupeTTL)
	h, err = NewHandler(testToken, fn, WithDedupeTTL(time.Minute))
	require.NoError(t, err)
	assert.Equal(t, time.Minute, h.dedupeTTL)
	_, err = NewHandler(testToken, fn, WithDedupeTTL(0))
	assert.Error(t, err)
	assert.GreaterOrEqual(t, DefaultDedupeTTL, 3*time.Hour+36*time.Minute, "covers 视频号小店's 3.6 h of retries")
}
