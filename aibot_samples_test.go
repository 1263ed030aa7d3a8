package wechatevent

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// The URLs of the documented media samples.
const (
	aiBotImageURL = "https://ww-aibot-img-1258476243.cos.ap-guangzhou.myqcloud.com/BHoPdA3/7571665296904772241?sign=q-sign-algorithm%3Dsha1%26q-ak%3DAKIDbBpaJvdLBvpnibcYcfyPuaO5f9U1UoGo%26q-sign-time%3D1733467811%3B1733468111%26q-key-time%3D1733467811%3B1733468111%26q-header-list%3Dhost%26q-url-param-list%3D%26q-signature%3D0f7b6576943685f82870bc8db306dbf09dfe0fd6"
	aiBotFileURL  = "https://ww-aibot-img-1258476243.cos.ap-guangzhou.myqcloud.com/BHoPdA3/7571665296904772241?sign=q-sign-algorithm%3Dsha1%26q-ak%3DAKIDbBpaJvdLBvpnibcYcfyPuaO5f9U1UoGo%26q-sign-time%3D1733467811%3B1733468111%26q-key-time%3D1733467811%3B1733468111%26q-header-list%3Dhost%26q-url-param-list%3D%26q-signature%3D0f7b6576943685f82870bc8db306dbf09df00000"
)

// aiBotMsg is the envelope of a documented message sample: bot AIBOTID,
// user USERID.
func aiBotMsg(msgID, msgType, chatType, chatID, responseURL string) AIBotEnvelope {
	return AIBotEnvelope{Envelope: Envelope{MsgType: msgType},
		MsgID: msgID, AIBotID: "AIBOTID", ChatID: chatID, ChatType: chatType, UserID: "USERID", ResponseURL: responseURL}
}

// aiBotEvent is the envelope of a documented event sample, created at
// 1700000000.
func aiBotEvent(eventType, chatType, chatID, corpID, responseURL string) AIBotEnvelope {
	b := aiBotMsg("CAIQ16HMjQYY/NGagIOAgAMgq4KM0AI=", "event", chatType, chatID, responseURL)
	b.Event = eventType
	b.CreateTime = ts(1700000000)
	b.CorpID = corpID
	return b
}

func selected(key string, options ...string) AIBotSelectedItem {
	return AIBotSelectedItem{QuestionKey: key, OptionIDs: options}
}

func cardEvent(cardType, corpID string, items ...AIBotSelectedItem) *AIBotTemplateCardEvent {
	return &AIBotTemplateCardEvent{AIBotEnvelope: aiBotEvent("template_card_event", "group", "CHATID", corpID, "RESPONSEURL"),
		CardType: cardType, EventKey: "button_replace_text", TaskID: "fBmjTL7ErRCQSNA6GZKMlcFiWX1shOvg", SelectedItems: items}
}

// aiBotSamples are the AI bot's callbacks of testdata/wecom, each the
// documented sample of its page (path/100719 messages, path/101027 events)
// and compared whole. Noted per row: what else it checks.
var aiBotSamples = []catalogCase{
	// The quote as a nested object; "\/" in msgid decoded.
	{file: "wecom/aibot.text.json", want: &AIBotTextMessage{AIBotEnvelope: aiBotMsg("CAIQ16HMjQYY/NGagIOAgAMgq4KM0AI=", "text", "group", "CHATID", "RESPONSEURL"),
		Content: "@RobotA hello robot", Quote: &AIBotQuote{MsgType: "text", Text: AIBotText{Content: "这是今日的测试情况"}}}},
	// A private chat: no chatid; no quote leaves Quote nil.
	{file: "wecom/aibot.image.json", want: &AIBotImageMessage{AIBotEnvelope: aiBotMsg("CAIQz7/MjQYY/NGagIOAgAMgl8jK/gI=", "image", "single", "", "RESPONSEURL"), URL: aiBotImageURL}},
	// An array of items of two kinds, in order, and a quote.
	{file: "wecom/aibot.mixed.json", want: &AIBotMixedMessage{AIBotEnvelope: aiBotMsg("CAIQrcjMjQYY/NGagIOAgAMg6PDc/w0=", "mixed", "group", "CHATID", "RESPONSEURL"),
		MsgItems: []AIBotMixedItem{{MsgType: "text", Text: AIBotText{Content: "@机器人 这是今日的测试情况"}}, {MsgType: "image", Image: AIBotMedia{URL: aiBotImageURL}}},
		Quote:    &AIBotQuote{MsgType: "text", Text: AIBotText{Content: "这是今日的测试情况"}}}},
	{file: "wecom/aibot.voice.json", want: &AIBotVoiceMessage{AIBotEnvelope: aiBotMsg("CAIQrcjMjQYY/NGagIOAgAMg6PDc/w0=", "voice", "single", "", "RESPONSEURL"), Content: "这是语音转成文本的内容"}},
	{file: "wecom/aibot.file.json", want: &AIBotFileMessage{AIBotEnvelope: aiBotMsg("CAIQrcjMjQYY/NGagIOAgAMg6PDc/w0=", "file", "single", "", "RESPONSEURL"), URL: aiBotFileURL}},
	{file: "wecom/aibot.video.json", want: &AIBotVideoMessage{AIBotEnvelope: aiBotMsg("CAIQrcjMjQYY/NGagIOAgAMg6PDc/w0=", "video", "single", "", "RESPONSEURL"), URL: aiBotFileURL}},
	// No response_url: a stream refresh takes only the stream's answer.
	{file: "wecom/aibot.stream.json", want: &AIBotStreamMessage{AIBotEnvelope: aiBotMsg("CAIQz7/MjQYY/NGagIOAgAMgl8jK/gI=", "stream", "group", "CHATID", ""), ID: "STREAMID"}},
	// create_time and from>corpid; the sample's tab indentation.
	{file: "wecom/aibot.event.enter_chat.json", want: &AIBotEnterChatEvent{AIBotEnvelope: aiBotEvent("enter_chat", "", "", "wpxxxx", "")}},
	// The general sample and the four kinds of click, each with its selections.
	{file: "wecom/aibot.event.template_card_event.json", want: cardEvent("vote_interaction", "CORPID", selected("button_selection_key1", "button_selection_id1"))},
	{file: "wecom/aibot.event.template_card_event.button_interaction.json", want: cardEvent("button_interaction", "CORPID", selected("button_selection_key1", "button_selection_id1"))},
	{file: "wecom/aibot.event.template_card_event.vote_interaction.json", want: cardEvent("vote_interaction", "CORPID", selected("button_selection_key1", "one", "two"))},
	{file: "wecom/aibot.event.template_card_event.multiple_interaction.json", want: cardEvent("multiple_interaction", "",
		selected("button_selection_key1", "button_selection_id1"), selected("button_selection_key2", "button_selection_id2"))},
	{file: "wecom/aibot.event.template_card_event.text_notice.json", want: cardEvent("text_notice", "")},
	// A number array.
	{file: "wecom/aibot.event.feedback_event.json", want: &AIBotFeedbackEvent{AIBotEnvelope: aiBotEvent("feedback_event", "group", "CHATID", "", ""),
		ID: "FEEDBACKID", Type: 2, Content: "能再详细一些么", InaccurateReasonList: []int{2, 4}}},
}

func TestAIBotSamples(t *testing.T) { runCatalog(t, aiBotSamples) }

// Every aibot fixture is asserted, once, and every bot key has one named
// after it.
func TestAIBotFixturesAllListed(t *testing.T) {
	listed := map[string]bool{}
	for _, tc := range aiBotSamples {
		assert.Falsef(t, listed[tc.file], "%s listed twice", tc.file)
		listed[tc.file] = true
	}
	files, err := filepath.Glob(filepath.Join("testdata", "wecom", "aibot.*"))
	require.NoError(t, err)
	for _, f := range files {
		assert.Truef(t, listed["wecom/"+filepath.Base(f)], "%s has no test case", f)
	}
	assert.Len(t, files, len(aiBotSamples))
	for _, b := range aiBotTypes {
		assert.Truef(t, listed["wecom/aibot."+strings.ReplaceAll(b.key, "/", ".")+".json"], "no fixture for %s", b.key)
	}
}

// The bot's values never reach the 公众号 types they share a name with, in
// either direction, and an eventtype nobody registered is unknown.
func TestAIBotNamespaceIsItsOwn(t *testing.T) {
	ev, err := Parse([]byte(`{"msgtype":"text","text":{"content":"hi"}}`))
	require.NoError(t, err)
	require.IsType(t, &AIBotTextMessage{}, ev)
	assert.Equal(t, "hi", ev.(*AIBotTextMessage).Content)

	ev, err = Parse([]byte(`{"MsgType":"text","Content":"hi"}`))
	require.NoError(t, err)
	require.IsType(t, &TextMessage{}, ev)

	// MsgType wins over msgtype, so a 公众号 body is never taken for the bot's.
	ev, err = Parse([]byte(`{"MsgType":"text","Content":"hi","msgtype":"image"}`))
	require.NoError(t, err)
	assert.IsType(t, &TextMessage{}, ev)

	// A 公众号 event named like a bot event, and a bot event the bot
	// namespace does not know.
	ev, err = Parse([]byte(`<xml><MsgType>event</MsgType><Event>enter_chat</Event></xml>`))
	require.NoError(t, err)
	assert.IsType(t, &UnknownEvent{}, ev)
	ev, err = Parse([]byte(`{"msgtype":"event","event":{"eventtype":"no_such_event"}}`))
	require.NoError(t, err)
	require.IsType(t, &UnknownEvent{}, ev)
	assert.Equal(t, "event", ev.Header().MsgType)
	assert.Equal(t, "no_such_event", ev.(*UnknownEvent).Value("event>eventtype"))

	// An eventtype elsewhere than directly in the top-level event chooses nothing.
	ev, err = Parse([]byte(`{"msgtype":"event","event":{"x":{"eventtype":"enter_chat"}},"eventtype":"enter_chat"}`))
	require.NoError(t, err)
	assert.IsType(t, &UnknownEvent{}, ev)
}

// Keys of the bot's namespace match as the others do: any case, padded.
func TestAIBotKeysMatchLoosely(t *testing.T) {
	for _, body := range []string{
		`{"msgtype":"EVENT","event":{"eventtype":" Enter_Chat "}}`,
		`{"msgtype":" event\n","event":{"eventtype":"enter_chat"}}`,
	} {
		ev, err := Parse([]byte(body))
		require.NoError(t, err)
		assert.IsType(t, &AIBotEnterChatEvent{}, ev, body)
		assert.Equal(t, "enter_chat", strings.ToLower(ev.Header().Event), body)
	}
}

// A parser registers into the bot's namespace like any other, and a zero
// Parser knows none of its types.
func TestAIBotRegistry(t *testing.T) {
	type custom struct {
		AIBotEnvelope
		Extra string `xml:"extra"`
	}
	p := NewParser()
	p.register(nsBot, "event/enter_chat", func() Event { return new(custom) })
	ev, err := p.Parse([]byte(`{"msgtype":"event","event":{"eventtype":"enter_chat"},"extra":"x"}`))
	require.NoError(t, err)
	require.IsType(t, &custom{}, ev)
	assert.Equal(t, "x", ev.(*custom).Extra)
	assert.Equal(t, "enter_chat", ev.Header().Event)

	ev, err = Parse([]byte(`{"msgtype":"event","event":{"eventtype":"enter_chat"},"extra":"x"}`))
	require.NoError(t, err)
	assert.IsType(t, &AIBotEnterChatEvent{}, ev, "the default parser is untouched")

	ev, err = new(Parser).Parse([]byte(`{"msgtype":"text","text":{"content":"hi"}}`))
	require.NoError(t, err)
	assert.IsType(t, &UnknownEvent{}, ev)
}

// aiBotBody builds a minimal AI bot body that the registry dispatches to
// key of nsBot: "text", or "event/enter_chat" as msgtype and eventtype.
func aiBotBody(key string) string {
	msgType, eventType, isEvent := strings.Cut(key, "/")
	if !isEvent {
		return `{"msgtype":"` + msgType + `"}`
	}
	return `{"msgtype":"` + msgType + `","event":{"eventtype":"` + eventType + `"}}`
}
