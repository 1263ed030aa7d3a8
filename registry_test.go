package wechatevent

import (
	"reflect"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// bodyFor builds a minimal body that the registry dispatches to key in ns.
func bodyFor(ns namespace, key string) string {
	switch ns {
	case nsMessage:
		return "<xml><MsgType><![CDATA[" + key + "]]></MsgType></xml>"
	case nsInfo:
		return "<xml><AppId>wx0</AppId>" + subKeyElements("InfoType", key) + "</xml>"
	case nsBot:
		return aiBotBody(key)
	}
	switch key {
	case keySubscribeScan:
		return "<xml><MsgType>event</MsgType><Event>subscribe</Event><EventKey>qrscene_1</EventKey></xml>"
	case keySubscribeScanProduct:
		return "<xml><MsgType>event</MsgType><Event>subscribe</Event><EventKey>scanimage|a|b</EventKey></xml>"
	}
	return "<xml><MsgType>event</MsgType>" + subKeyElements("Event", key) + "</xml>"
}

// subKeyElements spells key as the elements that select it: root, then
// ChangeType and UpdateDetail for the parts of a sub-key.
func subKeyElements(root, key string) string {
	parts := strings.Split(key, "/")
	b := "<" + root + "><![CDATA[" + parts[0] + "]]></" + root + ">"
	for i, name := range []string{"ChangeType", "UpdateDetail"} {
		if i+1 < len(parts) {
			b += "<" + name + "><![CDATA[" + parts[i+1] + "]]></" + name + ">"
		}
	}
	return b
}

// TestRegistryComplete checks that every built-in key decodes to the type
// registered for it, upper-cased and padded too. That every key also has a
// fixture asserted field by field is TestEveryRegistrationHasFixture's job.
func TestRegistryComplete(t *testing.T) {
	seen := map[string]bool{}
	for _, table := range builtinTables {
		for _, b := range table {
			want := reflect.TypeOf(b.new())
			id := string(rune('0'+b.ns)) + normKey(b.key)
			require.False(t, seen[id], "key %q registered twice", b.key)
			seen[id] = true
			for _, key := range []string{b.key, strings.ToUpper(b.key), " " + strings.ToLower(b.key) + "\n"} {
				ev, err := Parse([]byte(bodyFor(b.ns, key)))
				require.NoError(t, err, key)
				assert.Equal(t, want, reflect.TypeOf(ev), "key %q", key)
			}
		}
	}
}

func TestBuiltinValuesAreFreshPointers(t *testing.T) {
	for _, table := range builtinTables {
		for _, b := range table {
			a, c := b.new(), b.new()
			v := reflect.ValueOf(a)
			require.Equal(t, reflect.Pointer, v.Kind(), "%T", a)
			require.Equal(t, reflect.Struct, v.Elem().Kind(), "%T", a)
			assert.NotSame(t, a, c, "%T constructor must return a fresh value", a)
			assert.Same(t, a.Header(), a.Header())
		}
	}
}

func TestParseReturnsFreshValues(t *testing.T) {
	body := readFixture(t, "pic_weixin.xml")
	a, err := Parse(body)
	require.NoError(t, err)
	b, err := Parse(body)
	require.NoError(t, err)
	require.NotSame(t, a, b)
	pa, pb := a.(*PicWeChatEvent), b.(*PicWeChatEvent)
	pa.Pictures[0].PicMd5Sum = "changed"
	assert.Equal(t, "aef52ae501537e552725c5d7f99c1741", pb.Pictures[0].PicMd5Sum)
}

// kfEvent is a user type with nested and repeated elements.
type kfEvent struct {
	Envelope
	KfAccount string    `xml:"KfAccount"`
	Tags      []string  `xml:"Tags>Tag"`
	Scores    []int     `xml:"Score"`
	Agent     kfAgent   `xml:"Agent"`
	Extra     *kfAgent  `xml:"Extra"`
	Sessions  []session `xml:"Sessions>Session"`
	Untagged  string
	Ignored   string `xml:"-"`
}

type kfAgent struct {
	Name string `xml:"Name"`
	Note string `xml:",chardata"`
}

type session struct {
	ID    int64    `xml:"Id"`
	Turns []string `xml:"Turn"`
}

const kfBody = `<xml>
<ToUserName>gh_1</ToUserName><MsgType>event</MsgType><Event>kf_custom</Event>
<KfAccount><![CDATA[test1@test]]></KfAccount>
<Tags><Tag>a</Tag><Tag>b</Tag></Tags><Tags><Tag>c</Tag></Tags>
<Score>1</Score><Score>x</Score><Score> 3 </Score>
<Agent> lead <Name>Ann</Name></Agent>
<Extra><Name>Bob</Name></Extra>
<Sessions><Session><Id>1</Id><Turn>hi</Turn><Turn>bye</Turn></Session><Session><Id>2</Id></Session></Sessions>
<Untagged>u</Untagged><Ignored>no</Ignored>
</xml>`

func TestRegisterUserType(t *testing.T) {
	p := NewParser()
	p.RegisterEvent(" KF_Custom ", func() Event { return new(kfEvent) })
	ev, err := p.Parse([]byte(kfBody))
	require.NoError(t, err)
	got, ok := ev.(*kfEvent)
	require.True(t, ok, "got %T", ev)
	assert.Equal(t, &kfEvent{
		Envelope:  Envelope{ToUserName: "gh_1", MsgType: "event", Event: "kf_custom"},
		KfAccount: "test1@test",
		Tags:      []string{"a", "b", "c"},
		Scores:    []int{1, 0, 3},
		Agent:     kfAgent{Name: "Ann", Note: "lead"},
		Extra:     &kfAgent{Name: "Bob"},
		Sessions:  []session{{ID: 1, Turns: []string{"hi", "bye"}}, {ID: 2}},
		Untagged:  "u",
	}, got)

	other, err := NewParser().Parse([]byte(kfBody))
	require.NoError(t, err)
	assert.IsType(t, &UnknownEvent{}, other, "registration is per parser")
}

func TestRegisterOverridesBuiltin(t *testing.T) {
	type myScan struct {
		Envelope
		Key string `xml:"EventKey"`
	}
	p := NewParser()
	p.RegisterEvent("scan", func() Event { return &myScan{} })
	p.RegisterEvent(keySubscribeScan, func() Event { return &myScan{} })
	for _, body := range []string{
		`<xml><MsgType>event</MsgType><Event>SCAN</Event><EventKey>9</EventKey></xml>`,
		`<xml><MsgType>event</MsgType><Event>subscribe</Event><EventKey>qrscene_9</EventKey></xml>`,
	} {
		ev, err := p.Parse([]byte(body))
		require.NoError(t, err)
		require.IsType(t, &myScan{}, ev)
	}
	ev, err := Parse([]byte(`<xml><MsgType>event</MsgType><Event>SCAN</Event></xml>`))
	require.NoError(t, err)
	assert.IsType(t, &ScanEvent{}, ev, "the default parser is untouched")
}

func TestRegisterMessageAndInfoType(t *testing.T) {
	type hologram struct {
		Envelope
		Beam string `xml:"Beam"`
	}
	type ticket struct {
		Envelope
		AppID    string `xml:"AppId"`
		InfoType string `xml:"InfoType"`
		Ticket   string `xml:"ComponentVerifyTicket"`
	}
	p := NewParser()
	p.RegisterMessage("Hologram", func() Event { return new(hologram) })
	p.RegisterInfoType("custom_ticket", func() Event { return new(ticket) })

	ev, err := p.Parse([]byte(`<xml><MsgType>hologram</MsgType><Beam>on</Beam></xml>`))
	require.NoError(t, err)
	assert.Equal(t, &hologram{Envelope: Envelope{MsgType: "hologram"}, Beam: "on"}, ev)

	ev, err = p.Parse([]byte(`<xml><AppId>wx1</AppId><CreateTime>0</CreateTime><InfoType> custom_ticket </InfoType><ComponentVerifyTicket>t@@@1</ComponentVerifyTicket></xml>`))
	require.NoError(t, err)
	assert.Equal(t, &ticket{Envelope: Envelope{CreateTime: time.Unix(0, 0)}, AppID: "wx1", InfoType: "custom_ticket", Ticket: "t@@@1"}, ev)

	ev, err = p.Parse([]byte(`<xml><MsgType>event</MsgType><Event>hologram</Event></xml>`))
	require.NoError(t, err)
	assert.IsType(t, &UnknownEvent{}, ev, "events and messages are separate namespaces")
}

func TestRegisterRejectsNilConstructor(t *testing.T) {
	assert.Panics(t, func() { NewParser().RegisterEvent("x", nil) })
}

func TestConstructorReturningNilGivesUnknown(t *testing.T) {
	p := NewParser()
	p.RegisterMessage("text", func() Event { return nil })
	p.RegisterMessage("image", func() Event { return (*TextMessage)(nil) })
	for _, mt := range []string{"text", "image"} {
		ev, err := p.Parse([]byte(`<xml><MsgType>` + mt + `</MsgType></xml>`))
		require.NoError(t, err)
		assert.IsType(t, &UnknownEvent{}, ev)
	}
}

// TestConstructorChangingTypes checks that the plan cached for a
// registration follows the type its constructor really returns.
func TestConstructorChangingTypes(t *testing.T) {
	p := NewParser()
	calls := 0
	p.RegisterMessage("text", func() Event {
		calls++
		switch calls % 3 {
		case 1:
			return new(TextMessage)
		case 2:
			return (*TextMessage)(nil)
		}
		return new(ImageMessage)
	})
	require.Equal(t, 1, calls, "registration calls the constructor once, to check its type")
	calls = 0
	body := []byte(`<xml><MsgType>text</MsgType><Content>hi</Content><PicUrl>u</PicUrl></xml>`)
	for i := 0; i < 6; i++ {
		ev, err := p.Parse(body)
		require.NoError(t, err)
		switch i % 3 {
		case 0:
			require.IsType(t, &TextMessage{}, ev)
			assert.Equal(t, "hi", ev.(*TextMessage).Content)
		case 1:
			require.IsType(t, &UnknownEvent{}, ev)
			assert.Equal(t, "hi", ev.(*UnknownEvent).Value("Content"))
		case 2:
			require.IsType(t, &ImageMessage{}, ev)
			assert.Equal(t, "u", ev.(*ImageMessage).PicURL)
		}
	}
}

// TestRegisterReplacesEverySpelling checks that a key registered in another
// case replaces the earlier registration for every spelling WeChat may send.
func TestRegisterReplacesEverySpelling(t *testing.T) {
	type myClick struct {
		Envelope
		Key string `xml:"EventKey"`
	}
	p := NewParser()
	p.RegisterEvent(" click ", func() Event { return new(myClick) })
	for _, ev := range []string{"CLICK", "click", " Click "} {
		got, err := p.Parse([]byte(`<xml><MsgType>event</MsgType><Event>` + ev + `</Event><EventKey>k</EventKey></xml>`))
		require.NoError(t, err)
		require.IsType(t, &myClick{}, got, ev)
		assert.Equal(t, "k", got.(*myClick).Key)
	}
	p.RegisterEvent("CLICK", func() Event { return new(ClickEvent) })
	for _, ev := range []string{"CLICK", "click"} {
		got, err := p.Parse([]byte(`<xml><MsgType>event</MsgType><Event>` + ev + `</Event></xml>`))
		require.NoError(t, err)
		require.IsType(t, &ClickEvent{}, got, ev)
	}
	p.RegisterEvent(" Subscribe_Scan", func() Event { return new(myClick) })
	got, err := p.Parse([]byte(`<xml><MsgType>event</MsgType><Event>subscribe</Event><EventKey>qrscene_1</EventKey></xml>`))
	require.NoError(t, err)
	require.IsType(t, &myClick{}, got)
	assert.Equal(t, "qrscene_1", got.(*myClick).Key)
}

func TestZeroParserReturnsUnknown(t *testing.T) {
	var p Parser
	ev, err := p.Parse([]byte(`<xml><MsgType>text</MsgType></xml>`))
	require.NoError(t, err)
	assert.IsType(t, &UnknownEvent{}, ev)
	p.RegisterMessage("text", func() Event { return new(TextMessage) })
	ev, err = p.Parse([]byte(`<xml><MsgType>text</MsgType></xml>`))
	require.NoError(t, err)
	assert.IsType(t, &TextMessage{}, ev)
}

// TestConcurrentParseAndRegister is meant for go test -race.
func TestConcurrentParseAndRegister(t *testing.T) {
	p := NewParser()
	body := readFixture(t, "masssendjobfinish.xml")
	var wg sync.WaitGroup
	for g := 0; g < 8; g++ {
		wg.Add(1)
		go func(g int) {
			defer wg.Done()
			for i := 0; i < 200; i++ {
				if g == 0 && i%10 == 0 {
					p.RegisterEvent("custom_"+string(rune('a'+i%26)), func() Event { return new(UnsubscribeEvent) })
				}
				ev, err := p.Parse(body)
				if !assert.NoError(t, err) {
					return
				}
				e, ok := ev.(*MassSendJobFinishEvent)
				if !assert.True(t, ok) || !assert.Len(t, e.CopyrightCheckResult.ResultList, 2) {
					return
				}
			}
		}(g)
	}
	wg.Wait()
}

// Types for the sub-key tests: one per level of a key.
type (
	chatEvent struct {
		Envelope
		ChangeType string `xml:"ChangeType"`
	}
	chatUpdateEvent struct {
		Envelope
		ChangeType   string `xml:"ChangeType"`
		UpdateDetail string `xml:"UpdateDetail"`
	}
	chatAddMemberEvent struct {
		Envelope
		UpdateDetail string `xml:"UpdateDetail"`
	}
)

func wecomBody(root, value, changeType, updateDetail string) string {
	b := "<xml><ToUserName><![CDATA[ww1]]></ToUserName>"
	if root == "Event" {
		b += "<MsgType><![CDATA[event]]></MsgType>"
	}
	b += "<" + root + ">" + value + "</" + root + ">"
	if changeType != "" {
		b += "<ChangeType>" + changeType + "</ChangeType>"
	}
	if updateDetail != "" {
		b += "<UpdateDetail>" + updateDetail + "</UpdateDetail>"
	}
	return b + "</xml>"
}

// TestSubKeyMostSpecificWins checks the sub-key rule of RegisterEvent and
// RegisterInfoType: of "v/ChangeType/UpdateDetail", "v/ChangeType" and "v",
// the most specific registered key decodes the body.
func TestSubKeyMostSpecificWins(t *testing.T) {
	for _, root := range []string{"Event", "InfoType"} {
		p := new(Parser) // empty: the built-in WeCom types would answer the keys left out
		register := p.RegisterEvent
		if root == "InfoType" {
			register = p.RegisterInfoType
		}
		register("change_external_chat", newOf[chatEvent])
		register(" Change_External_Chat / UPDATE ", newOf[chatUpdateEvent])
		register("change_external_chat/update/add_member", newOf[chatAddMemberEvent])
		cases := []struct {
			changeType, updateDetail string
			want                     Event
		}{
			{"update", "add_member", &chatAddMemberEvent{}},
			{"<![CDATA[ Update ]]>", " ADD_MEMBER\n", &chatAddMemberEvent{}},
			{"update", "del_member", &chatUpdateEvent{}},
			{"update", "", &chatUpdateEvent{}},
			{"UPDATE", "<![CDATA[]]>", &chatUpdateEvent{}},
			{"create", "", &chatEvent{}},
			{"create", "add_member", &chatEvent{}},
			{"", "add_member", &chatEvent{}},
			{"", "", &chatEvent{}},
			{"<![CDATA[  ]]>", "", &chatEvent{}},
		}
		for _, tc := range cases {
			body := wecomBody(root, "<![CDATA[change_external_chat]]>", tc.changeType, tc.updateDetail)
			ev, err := p.Parse([]byte(body))
			require.NoError(t, err, body)
			assert.IsType(t, tc.want, ev, "%s %q %q", root, tc.changeType, tc.updateDetail)
		}
	}
}

// TestSubKeySkipsMissingLevel: with no "v/ChangeType" registered, a body
// whose UpdateDetail matches no key falls back to "v", not to a sibling.
func TestSubKeySkipsMissingLevel(t *testing.T) {
	p := new(Parser) // empty: the built-in WeCom types would answer the keys left out
	p.RegisterEvent("change_external_chat", newOf[chatEvent])
	p.RegisterEvent("change_external_chat/update/add_member", newOf[chatAddMemberEvent])
	for body, want := range map[string]Event{
		wecomBody("Event", "change_external_chat", "update", "add_member"): &chatAddMemberEvent{},
		wecomBody("Event", "change_external_chat", "update", "del_member"): &chatEvent{},
		wecomBody("Event", "change_external_chat", "update", ""):           &chatEvent{},
		wecomBody("Event", "CHANGE_EXTERNAL_CHAT", "add_member", ""):       &chatEvent{},
	} {
		ev, err := p.Parse([]byte(body))
		require.NoError(t, err)
		assert.IsType(t, want, ev, body)
	}
}

// TestSubKeyNeedsTopLevelElements: ChangeType and UpdateDetail select a
// sub-type only as children of the root, like MsgType and Event.
func TestSubKeyNeedsTopLevelElements(t *testing.T) {
	p := NewParser()
	p.RegisterEvent("change_contact", newOf[chatEvent])
	p.RegisterEvent("change_contact/create_user", newOf[chatUpdateEvent])
	body := "<xml><MsgType>event</MsgType><Event>change_contact</Event><Extra><ChangeType>create_user</ChangeType></Extra></xml>"
	ev, err := p.Parse([]byte(body))
	require.NoError(t, err)
	assert.IsType(t, &chatEvent{}, ev)
}

// TestSubKeyUnregisteredIsUnknown: a sub-type whose Event is not registered
// at any level is an UnknownEvent that keeps the values.
func TestSubKeyUnregisteredIsUnknown(t *testing.T) {
	p := new(Parser) // empty: the built-in WeCom types would answer the keys left out
	p.RegisterEvent("change_contact/create_user", newOf[chatUpdateEvent])
	ev, err := p.Parse([]byte(wecomBody("Event", "change_contact", "update_user", "")))
	require.NoError(t, err)
	u, ok := ev.(*UnknownEvent)
	require.True(t, ok, "%T", ev)
	assert.Equal(t, "update_user", u.Value("ChangeType"))
	ev, err = p.Parse([]byte(wecomBody("Event", "change_contact", "create_user", "")))
	require.NoError(t, err)
	assert.IsType(t, &chatUpdateEvent{}, ev)
}

func TestNormKeySubKeys(t *testing.T) {
	for in, want := range map[string]string{
		"change_contact/create_user":             "change_contact/create_user",
		" Change_Contact / Create_User \n":       "change_contact/create_user",
		"change_external_chat/update/ADD_member": "change_external_chat/update/add_member",
		"SCAN":                                   "scan",
		"\tsubscribe ":                           "subscribe",
	} {
		assert.Equal(t, want, normKey(in), "%q", in)
	}
}

// TestAgentID checks Envelope.AgentID against the lenient number rule.
func TestAgentID(t *testing.T) {
	for inner, want := range map[string]int64{
		"<AgentID>1000002</AgentID>":             1000002,
		"<AgentID><![CDATA[1000002]]></AgentID>": 1000002,
		"<AgentID> <![CDATA[ 42 ]]>\n</AgentID>": 42,
		"<AgentID>\r\n 7 \r\n</AgentID>":         7,
		"<AgentID><![CDATA[]]></AgentID>":        0,
		"<AgentID></AgentID>":                    0,
		"<AgentID/>":                             0,
		"<AgentID>abc</AgentID>":                 0,
		"":                                       0,
		"<Extra><AgentID>9</AgentID></Extra>":    0,
		"<AgentID>9223372036854775807</AgentID>": 9223372036854775807,
	} {
		body := "<xml><MsgType>text</MsgType><Content>hi</Content>" + inner + "</xml>"
		ev, err := Parse([]byte(body))
		require.NoError(t, err, body)
		assert.IsType(t, &TextMessage{}, ev)
		assert.Equal(t, want, ev.Header().AgentID, body)
		ev, err = NewParser().Parse([]byte("<xml><MsgType>no_such_type</MsgType>" + inner + "</xml>"))
		require.NoError(t, err)
		assert.IsType(t, &UnknownEvent{}, ev)
		assert.Equal(t, want, ev.Header().AgentID, "unknown: "+body)
	}
}

// TestEventKeyRules runs every rule of the subscribe split and checks that a
// rule applies to its Event only, and yields to an unregistered key.
func TestEventKeyRules(t *testing.T) {
	require.NotEmpty(t, eventKeyRules)
	for _, rule := range eventKeyRules {
		p := NewParser()
		p.RegisterEvent(rule.key, newOf[chatEvent])
		body := "<xml><MsgType>event</MsgType><Event> " + strings.ToUpper(rule.event) + " </Event><EventKey><![CDATA[" + rule.prefix + "123]]></EventKey></xml>"
		ev, err := p.Parse([]byte(body))
		require.NoError(t, err)
		assert.IsType(t, &chatEvent{}, ev, body)

		other := "<xml><MsgType>event</MsgType><Event>SCAN</Event><EventKey>" + rule.prefix + "123</EventKey></xml>"
		ev, err = p.Parse([]byte(other))
		require.NoError(t, err)
		assert.IsType(t, &ScanEvent{}, ev, other)

		noPrefix := "<xml><MsgType>event</MsgType><Event>" + rule.event + "</Event><EventKey>x" + rule.prefix + "</EventKey></xml>"
		ev, err = p.Parse([]byte(noPrefix))
		require.NoError(t, err)
		assert.IsType(t, &SubscribeEvent{}, ev, noPrefix)
	}
	var empty Parser
	empty.RegisterEvent("subscribe", newOf[chatUpdateEvent])
	ev, err := empty.Parse([]byte("<xml><MsgType>event</MsgType><Event>subscribe</Event><EventKey>qrscene_1</EventKey></xml>"))
	require.NoError(t, err)
	assert.IsType(t, &chatUpdateEvent{}, ev, "a rule whose key is not registered falls back to the Event")
}

func TestNewOf(t *testing.T) {
	a, b := newOf[ScanEvent](), newOf[ScanEvent]()
	require.IsType(t, &ScanEvent{}, a)
	assert.NotSame(t, a, b)
	assert.Equal(t, &ScanEvent{}, a)
}

// TestRegisterRefusesUnsupportedFields: a field Parse cannot fill makes
// registration panic, naming the type and the field.
func TestRegisterRefusesUnsupportedFields(t *testing.T) {
	type attrEvent struct {
		Envelope
		Lang string `xml:"lang,attr"`
	}
	type mapEvent struct {
		Envelope
		Extra map[string]string `xml:"Extra"`
	}
	p := NewParser()
	assert.PanicsWithValue(t, "wechatevent: Register my_attr: wechatevent.attrEvent.Lang: xml tag option \"attr\" is not supported: callback bodies are read as elements and their text",
		func() { p.RegisterEvent(" my_attr ", newOf[attrEvent]) })
	defer func() {
		r := recover()
		require.NotNil(t, r)
		assert.Contains(t, r, "mapEvent.Extra")
	}()
	p.RegisterMessage("my_map", newOf[mapEvent])
}

// TestBytesAndCDATAFields: []byte, ",cdata" and ",chardata" fields of a
// user type are filled as encoding/xml fills them.
func TestBytesAndCDATAFields(t *testing.T) {
	type code struct {
		Lang string `xml:"Lang"`
		Text string `xml:",cdata"`
	}
	type userEvent struct {
		Envelope
		Payload []byte `xml:"Payload"`
		Code    code   `xml:"Code"`
		Note    struct {
			Text []byte `xml:",chardata"`
		} `xml:"Note"`
	}
	p := NewParser()
	p.RegisterEvent("user_bytes", newOf[userEvent])
	body := []byte("<xml><MsgType>event</MsgType><Event>user_bytes</Event><Payload><![CDATA[a<b>]]></Payload>" +
		"<Code><Lang>go</Lang><![CDATA[x := 1]]></Code><Note>n &amp; m</Note></xml>")
	ev, err := p.Parse(body)
	require.NoError(t, err)
	u, ok := ev.(*userEvent)
	require.True(t, ok, "%T", ev)
	assert.Equal(t, []byte("a<b>"), u.Payload)
	assert.Equal(t, code{Lang: "go", Text: "x := 1"}, u.Code)
	assert.Equal(t, []byte("n & m"), u.Note.Text)
}
