package wechatevent_test

import (
	"fmt"

	"github.com/wechatevent/wechatevent"
)

func ExampleParse() {
	body := []byte(`<xml>
  <ToUserName><![CDATA[gh_3a8c7d9e1f20]]></ToUserName>
  <FromUserName><![CDATA[oUpF8uMuAJO_M2pxb1Q9zNjWeS6o]]></FromUserName>
  <CreateTime>1700000000</CreateTime>
  <MsgType><![CDATA[event]]></MsgType>
  <Event><![CDATA[subscribe]]></Event>
  <EventKey><![CDATA[qrscene_123]]></EventKey>
  <Ticket><![CDATA[gQH47joAAAAAAAAAASxodHRwOi8vd2VpeGlu]]></Ticket>
</xml>`)
	ev, err := wechatevent.Parse(body)
	if err != nil {
		fmt.Println("error:", err)
		return
	}
	switch e := ev.(type) {
	case *wechatevent.SubscribeScanEvent:
		fmt.Println("followed by QR code", e.SceneID, "from", e.FromUserName, "at", e.CreateTime.Unix())
	case *wechatevent.SubscribeEvent:
		fmt.Println("followed by", e.FromUserName)
	case *wechatevent.TextMessage:
		fmt.Println("text:", e.Content)
	case *wechatevent.UnknownEvent:
		fmt.Println("unknown:", e.MsgType, e.Event)
	}
	// Output: followed by QR code 123 from oUpF8uMuAJO_M2pxb1Q9zNjWeS6o at 1700000000
}

func ExampleParse_unknownEvent() {
	body := []byte(`<xml>
  <ToUserName><![CDATA[gh_3a8c7d9e1f20]]></ToUserName>
  <MsgType><![CDATA[event]]></MsgType>
  <Event><![CDATA[brand_new_event]]></Event>
  <Detail><Code>42</Code><Code>43</Code></Detail>
</xml>`)
	ev, _ := wechatevent.Parse(body)
	if u, ok := ev.(*wechatevent.UnknownEvent); ok {
		fmt.Println(u.Event, u.Value("Detail>Code"), u.Values("Detail>Code"), len(u.Raw) == len(body))
	}
	// Output: brand_new_event 42 [42 43] true
}

// OrderPaidEvent is an event this package does not know, declared with xml
// struct tags as for encoding/xml.
type OrderPaidEvent struct {
	wechatevent.Envelope
	OrderID string   `xml:"OrderId"`
	Amount  int      `xml:"Amount"`
	Items   []string `xml:"Items>Item"`
}

func ExampleRegisterEvent() {
	wechatevent.RegisterEvent("order_paid", func() wechatevent.Event { return new(OrderPaidEvent) })

	ev, err := wechatevent.Parse([]byte(`<xml>
  <MsgType><![CDATA[event]]></MsgType>
  <Event><![CDATA[order_paid]]></Event>
  <OrderId><![CDATA[A1001]]></OrderId>
  <Amount><![CDATA[1999]]></Amount>
  <Items><Item>tea</Item><Item>cup</Item></Items>
</xml>`))
	if err != nil {
		fmt.Println("error:", err)
		return
	}
	e := ev.(*OrderPaidEvent)
	fmt.Println(e.Event, e.OrderID, e.Amount, e.Items)
	// Output: order_paid A1001 1999 [tea cup]
}
