package wechatevent

import (
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func subEnv(event string, created int64) Envelope {
	return ev("gh_123456789abc", "o7esq5OI1Uej6Xixw1lA2H7XDVbc", created, event)
}

// miniprogramJSONSamples are 小程序 pushes in the JSON data format, in the
// shapes WeChat documents and sends: List of the subscription events at the
// top level, an object for one entry and an array for several (and inside
// the XML wrapper, as one capture has it), CreateTime a number or a string.
var miniprogramJSONSamples = []catalogCase{
	{file: "subscribe_msg_popup_event.json", want: &SubscribeMsgPopupEvent{Envelope: subEnv("subscribe_msg_popup_event", 1620973045),
		List: []SubscribeMsgPopupItem{
			{TemplateID: "hD-ixGOhYmUfjOnI8MCzQMPshzGVeux_2vzyvQu7O68", SubscribeStatusString: "accept"},
			{TemplateID: "hD-ixGOhYmUfjOnI8MCzQMPshzGVeux_2vBgXqdIl0U", SubscribeStatusString: "reject"},
		}}},
	{file: "subscribe_msg_popup_event_one.json", want: &SubscribeMsgPopupEvent{Envelope: ev("gh_xxxxxxxxxx", "o8dH44seYM3qeBzHlrmwI0sAtSfI", 1688953684, "subscribe_msg_popup_event"),
		List: []SubscribeMsgPopupItem{{TemplateID: "BDcgTGpwt7fcRVFhGh-NvjcASaWWmkwzN3y_6mXzJR4", SubscribeStatusString: "accept"}}}},
	{file: "subscribe_msg_change_event.json", want: &SubscribeMsgChangeEvent{Envelope: subEnv("subscribe_msg_change_event", 1610968440),
		List: []SubscribeMsgChangeItem{{TemplateID: "BEwX0BOT3MqK3Uc5oTU3CGBqzjpndk2jzUf7VfExd8", SubscribeStatusString: "reject"}}}},
	{file: "subscribe_msg_change_event_array.json", want: &SubscribeMsgChangeEvent{Envelope: subEnv("subscribe_msg_change_event", 1610968440),
		List: []SubscribeMsgChangeItem{
			{TemplateID: "BEwX0BOT3MqK3Uc5oTU3CGBqzjpndk2jzUf7VfExd8", SubscribeStatusString: "reject"},
			{TemplateID: "UA2FxrBpGqwOwb1I9eymbw-ZGyKtSQFhgAC44Z5AraY", SubscribeStatusString: "reject"},
		}}},
	{file: "subscribe_msg_sent_event.json", want: &SubscribeMsgSentEvent{Envelope: subEnv("subscribe_msg_sent_event", 1620963428),
		List: []SubscribeMsgSentItem{{TemplateID: "BEwX0BOT3MqK3Uc5oTU3CGBqzjpndk2jzUf7VfExd8", MsgID: 1864323726461255680, ErrorStatus: "success"}}}},
	{file: "subscribe_msg_sent_event_wrapped.json", want: &SubscribeMsgSentEvent{Envelope: subEnv("subscribe_msg_sent_event", 1620963428),
		List: []SubscribeMsgSentItem{
			{TemplateID: "BEwX0BOT3MqK3Uc5oTU3CGBqzjpndk2jzUf7VfExd8", MsgID: 1864323726461255680, ErrorStatus: "success"},
			{TemplateID: "UA2FxrBpGqwOwb1I9eymbw-ZGyKtSQFhgAC44Z5AraY", MsgID: 1864323726461255681, ErrorCode: 20001, ErrorStatus: "failed:template not exist"},
		}}},
	{file: "wxa_media_check.json", want: &WxaMediaCheckEvent{Envelope: ev("gh_38cc49f9733b", "oH1fu0FdHqpToe2T6gBj0WyB8iS1", 1626959646, "wxa_media_check"),
		AppID: "wx8f16a5e4b21e6b3b", TraceID: "60f96f1d-3845297a-1976a3ae", Version: 2,
		Details: []MediaCheckDetail{{Strategy: "content_model", Suggest: "pass", Label: 100, Prob: 90}},
		ErrMsg:  "ok", Result: MediaCheckResult{Suggest: "pass", Label: 100}}},
	{file: "trade_manage_remind_access_api.json", want: &TradeManageRemindAccessAPIEvent{Envelope: fev("trade_manage_remind_access_api"),
		Msg: "请尽快接入发货信息管理服务API"}},
	{file: "trade_manage_remind_shipping.json", want: &TradeManageRemindShippingEvent{Envelope: fev("trade_manage_remind_shipping"),
		TransactionID: "4200001234202311111234567890", MerchantID: "1230000109", MerchantTradeNo: "T20231111001", PayTime: ts(1700001000), Msg: "订单超过48小时未发货"}},
	{file: "trade_manage_order_settlement.json", want: &TradeManageOrderSettlementEvent{Envelope: fev("trade_manage_order_settlement"),
		TransactionID: "4200001234202311111234567890", MerchantID: "1230000109", SubMerchantID: "1900000109", MerchantTradeNo: "T20231111001",
		PayTime: ts(1700001000), ShippedTime: ts(1700001100), EstimatedSettlementTime: ts(1700601100), ConfirmReceiveMethod: 2,
		ConfirmReceiveTime: ts(1700301100), SettlementTime: ts(1700601200)}},
	{file: "xpay_goods_deliver_notify.json", want: &XpayGoodsDeliverNotifyEvent{Envelope: fev("xpay_goods_deliver_notify"),
		OpenID: "oBuyer0001", OutTradeNo: "xp_20231111_0001", Env: 1,
		WeChatPayInfo: XpayPayInfo{MchOrderNo: "mch_0001", TransactionID: "4200009999", PaidTime: ts(1700001400)},
		GoodsInfo:     XpayGoodsInfo{ProductID: "sword_01", Quantity: 2, OrigPrice: 1200, ActualPrice: 1000, Attach: "level=3"}}},
	{file: "xpay_coin_pay_notify.json", want: &XpayCoinPayNotifyEvent{Envelope: fev("xpay_coin_pay_notify"),
		OpenID: "oBuyer0002", OutTradeNo: "xp_20231111_0002",
		WeChatPayInfo: XpayPayInfo{MchOrderNo: "mch_0002", TransactionID: "4200009998", PaidTime: ts(1700001500)},
		CoinInfo:      XpayCoinInfo{Quantity: 600, OrigPrice: 600, ActualPrice: 600}}},
	{file: "xpay_refund_notify.json", want: &XpayRefundNotifyEvent{Envelope: fev("xpay_refund_notify"),
		OpenID: "oBuyer0003", WxRefundID: "wxr_0001", MchRefundID: "mchr_0001", WxOrderID: "wxo_0001", MchOrderID: "mcho_0001",
		RefundFee: 600, RetMsg: "success", RefundStartTimestamp: ts(1700002000), RefundSuccTimestamp: ts(1700002060),
		WxpayRefundTransactionID: "5000001", RetryTimes: 2}},
	{file: "xpay_complaint_notify.json", want: &XpayComplaintNotifyEvent{Envelope: fev("xpay_complaint_notify"),
		OpenID: "oBuyer0004", WxOrderID: "wxo_0002", MchOrderID: "mcho_0002", TransactionID: "4200007777", ComplaintID: "cmp_0001",
		ComplaintDetail: "道具未到账", ComplaintTime: ts(1700002100), RequestID: "req_0001"}},
}

func TestMiniprogramJSONSamples(t *testing.T) { runFixtures(t, "miniprogram", miniprogramJSONSamples) }

func TestMiniprogramJSONFixturesAllListed(t *testing.T) {
	files, err := filepath.Glob(filepath.Join("testdata", "miniprogram", "*.json"))
	require.NoError(t, err)
	listed := map[string]bool{}
	for _, tc := range miniprogramJSONSamples {
		listed[tc.file] = true
	}
	for _, f := range files {
		assert.Truef(t, listed[filepath.Base(f)], "%s has no test case", filepath.Base(f))
	}
	assert.Len(t, files, len(miniprogramJSONSamples))
}

// The XML form keeps its wrapper: a List outside <SubscribeMsgPopupEvent> is
// read too, so both shapes fill the one slice in document order.
func TestSubscribeMsgListBothPlaces(t *testing.T) {
	ev, err := Parse([]byte(`<xml><MsgType>event</MsgType><Event>subscribe_msg_popup_event</Event>` +
		`<SubscribeMsgPopupEvent><List><TemplateId>a</TemplateId></List></SubscribeMsgPopupEvent><List><TemplateId>b</TemplateId></List></xml>`))
	require.NoError(t, err)
	assert.Equal(t, []SubscribeMsgPopupItem{{TemplateID: "a"}, {TemplateID: "b"}}, ev.(*SubscribeMsgPopupEvent).List)
}
