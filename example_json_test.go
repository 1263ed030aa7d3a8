package wechatevent_test

import (
	"fmt"

	"github.com/wechatevent/wechatevent"
)

// A 微信小店 push is JSON; its 19-digit order ID keeps every digit.
func ExampleParse_json() {
	ev, err := wechatevent.Parse([]byte(`{"ToUserName":"gh_*","FromUserName":"OPENID","CreateTime":1662480000,
	"MsgType":"event","Event":"channels_ec_order_pay","order_info":{"order_id":3705115058471208928,"pay_time":1658509200}}`))
	if err != nil {
		fmt.Println(err)
		return
	}
	pay := ev.(*wechatevent.ChannelsECOrderPayEvent)
	fmt.Println(pay.OrderID, pay.PayTime.Unix())
	// Output: 3705115058471208928 1658509200
}
