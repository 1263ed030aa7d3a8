package wechatevent

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// shopEnv is the envelope of the 微信小店 samples.
func shopEnv(event, from string) Envelope { return ev("gh_*", from, 1662480000, event) }

const bigOrderID = "3705115058471208928" // more than 2^53: a float64 would change it

// channelsSamples are the 微信小店 pushes of testdata/channels, one per
// registered key, in the shape of the official samples.
var channelsSamples = []catalogCase{
	{file: "channels_ec_order_new.json", want: &ChannelsECOrderNewEvent{Envelope: shopEnv("channels_ec_order_new", "OPENID"), OrderID: bigOrderID}},
	{file: "channels_ec_order_cancel.json", want: &ChannelsECOrderCancelEvent{Envelope: shopEnv("channels_ec_order_cancel", "OPENID"), OrderID: bigOrderID, CancelType: 1}},
	{file: "channels_ec_order_pay.json", want: &ChannelsECOrderPayEvent{Envelope: shopEnv("channels_ec_order_pay", "OPENID"), OrderID: bigOrderID, PayTime: ts(1658509200)}},
	{file: "channels_ec_order_wait_shipping.json", want: &ChannelsECOrderWaitShippingEvent{Envelope: shopEnv("channels_ec_order_wait_shipping", "OPENID"), OrderID: bigOrderID}},
	{file: "channels_ec_order_deliver.json", want: &ChannelsECOrderDeliverEvent{Envelope: shopEnv("channels_ec_order_deliver", "OPENID"), OrderID: bigOrderID, FinishDelivery: 1}},
	{file: "channels_ec_order_confirm.json", want: &ChannelsECOrderConfirmEvent{Envelope: shopEnv("channels_ec_order_confirm", "OPENID"), OrderID: bigOrderID, ConfirmType: 2}},
	{file: "channels_ec_order_settle.json", want: &ChannelsECOrderSettleEvent{Envelope: shopEnv("channels_ec_order_settle", "OPENID"), OrderID: bigOrderID, SettleTime: ts(1662480000)}},
	{file: "channels_ec_order_ext_info_update.json", want: &ChannelsECOrderExtInfoUpdateEvent{Envelope: shopEnv("channels_ec_order_ext_info_update", "OPENID"), OrderID: bigOrderID, Type: 16}},
	{file: "product_order_status_update.json", want: &ProductOrderStatusUpdateEvent{Envelope: shopEnv("product_order_status_update", "OPENID"), OrderID: "3704612354149675520", Status: 20}},
	{file: "channels_ec_aftersale_update.json", want: &ChannelsECAftersaleUpdateEvent{Envelope: shopEnv("channels_ec_aftersale_update", "OpenID"),
		Status: "USER_WAIT_RETURN", AfterSaleOrderID: "1234567", OrderID: "12345", WxaVipDiscountedPrice: 100}},
	{file: "channels_ec_present_aftersale_update.json", want: &ChannelsECPresentAftersaleUpdateEvent{Envelope: shopEnv("channels_ec_present_aftersale_update", "OpenID"),
		Status: "PLATFORM_REFUNDING", AfterSaleOrderID: "1234567", OrderID: "12345"}},
	{file: "channels_ec_guarantee_update.json", want: &ChannelsECGuaranteeUpdateEvent{Envelope: shopEnv("channels_ec_guarantee_update", "OpenID"),
		Status: "STATUS_PAY_SUCC", GuaranteeOrderID: "1234567", OrderID: "12345"}},
	{file: "channels_ec_complaint_update.json", want: &ChannelsECComplaintUpdateEvent{Envelope: shopEnv("channels_ec_complaint_update", "OpenID"),
		ComplaintStatus: 100, AfterSaleOrderID: "1234567", ComplaintID: "1234567", OrderID: "123244"}},
	{file: "product_spu_audit.json", want: &ProductSpuAuditEvent{Envelope: shopEnv("product_spu_audit", "OPENID"), ProductID: "12345678", Status: 2, Reason: "abc",
		AuditInfo: `{"busi_audit_info":{"item_list":[{"multi_failed_reasons":[{"audit_reason":"类目不符"}],"busi_show_field_api":"product.cat_v2"}]}}`}},
	{file: "product_spu_listing.json", want: &ProductSpuListingEvent{Envelope: shopEnv("product_spu_listing", "OPENID"), ProductID: "12345678", Status: 13, Reason: "abc"}},
	{file: "product_spu_update.json", want: &ProductSpuUpdateEvent{Envelope: shopEnv("product_spu_update", "OPENID"), ProductID: "12345678", Status: 5}},
	{file: "product_category_audit.json", want: &ProductCategoryAuditEvent{Envelope: shopEnv("product_category_audit", "OpenID"), AuditID: "123456", Status: 3, Reason: "xxx原因"}},
	{file: "channels_ec_brand.json", want: &ChannelsECBrandEvent{Envelope: shopEnv("channels_ec_brand", "OPENID"), BrandID: "10002934", AuditID: "12345678", Status: 4}},
	{file: "channels_ec_stock_no_enough.json", want: &ChannelsECStockNoEnoughEvent{Envelope: shopEnv("channels_ec_stock_no_enough", "OPENID"),
		ProductID: "10000020011111", SkuID: "2001512345", RemainingStockAmount: 3}},
	{file: "channels_ec_coupon_receive.json", want: &ChannelsECCouponReceiveEvent{Envelope: shopEnv("channels_ec_coupon_receive", "OpenID"),
		CouponID: "19126", UserCouponID: "29730", ReceiveTime: ts(1662480000)}},
	{file: "channels_ec_coupon_create.json", want: &ChannelsECCouponCreateEvent{Envelope: shopEnv("channels_ec_coupon_create", "OpenID"), CouponID: "19126", CreateTime: ts(1662480000)}},
	{file: "channels_ec_coupon_delete.json", want: &ChannelsECCouponDeleteEvent{Envelope: shopEnv("channels_ec_coupon_delete", "OpenID"), CouponID: "19126", DeleteTime: ts(1662480000)}},
	{file: "channels_ec_coupon_expire.json", want: &ChannelsECCouponExpireEvent{Envelope: shopEnv("channels_ec_coupon_expire", "OpenID"), CouponID: "19126", ExpireTime: ts(1662480000)}},
	{file: "channels_ec_coupon_info_change.json", want: &ChannelsECCouponInfoChangeEvent{Envelope: shopEnv("channels_ec_coupon_info_change", "OpenID"), CouponID: "19126", ChangeTime: ts(1662480000)}},
	{file: "channels_ec_coupon_invalid.json", want: &ChannelsECCouponInvalidEvent{Envelope: shopEnv("channels_ec_coupon_invalid", "OpenID"), CouponID: "19126", InvalidTime: ts(1662480000)}},
	{file: "channels_ec_user_coupon_expire.json", want: &ChannelsECUserCouponExpireEvent{Envelope: shopEnv("channels_ec_user_coupon_expire", "OpenID"),
		CouponID: "19126", UserCouponID: "29730", ExpireTime: ts(1662480000)}},
	{file: "channels_ec_user_coupon_unuse.json", want: &ChannelsECUserCouponUnuseEvent{Envelope: shopEnv("channels_ec_user_coupon_unuse", "OpenID"),
		CouponID: "19126", UserCouponID: "29730", UnuseTime: ts(1662480000)}},
	{file: "channels_ec_user_coupon_use.json", want: &ChannelsECUserCouponUseEvent{Envelope: shopEnv("channels_ec_user_coupon_use", "OpenID"),
		CouponID: "19126", UserCouponID: "29730", OrderID: bigOrderID, UseTime: ts(1662480000)}},
	{file: "channels_ec_acct_notify.json", want: &ChannelsECAcctNotifyEvent{Envelope: shopEnv("channels_ec_acct_notify", ""), AccountEvent: 1}},
	{file: "channels_ec_withdraw_notify.json", want: &ChannelsECWithdrawNotifyEvent{Envelope: shopEnv("channels_ec_withdraw_notify", ""), WithdrawID: "wds123123143144", WithdrawEvent: 3}},
	{file: "qrcode_status.json", want: &QrcodeStatusEvent{Envelope: shopEnv("qrcode_status", ""), Ticket: "sdffjdsijfdg", Status: 2, ScanUserType: 1}},
	{file: "channels_ec_sharer_change.json", want: &ChannelsECSharerChangeEvent{Envelope: shopEnv("channels_ec_sharer_change", "OPENID"), OpenID: "SHARER_OPENID", BindStatus: 1}},
	{file: "channels_ec_close_store.json", want: &ChannelsECCloseStoreEvent{Envelope: shopEnv("channels_ec_close_store", "OPENID"), AppID: "wx1234567890abcdef", CloseTimestamp: ts(1662480000)}},
	{file: "set_shop_nickname.json", want: &SetShopNicknameEvent{Envelope: shopEnv("set_shop_nickname", "OPENID"), AppID: "wx1234567890abcdef", OldNickname: "旧店名", NewNickname: "新店名"}},
	{file: "head_supplier_item_update.json", want: &HeadSupplierItemUpdateEvent{Envelope: shopEnv("head_supplier_item_update", "OPENID"),
		EventType: 2, AppID: "APPID", ProductID: "12345", Version: "1677488955", UpdateFields: []string{"commission_ratio", "service_ratio", "status", "active_time"}}},
	{file: "channels_ec_vip_join.json", want: &ChannelsECVipJoinEvent{Envelope: shopEnv("channels_ec_vip_join", "OPENID"), JoinTime: ts(1662480000), PhoneNumber: "13800000000"}},
	{file: "channels_ec_vip_score_update.json", want: &ChannelsECVipScoreUpdateEvent{Envelope: shopEnv("channels_ec_vip_score_update", "OPENID"), Score: 100, DeltaScore: -10, FlowType: 3}},
	{file: "channels_ec_vip_score_exchange.json", want: &ChannelsECVipScoreExchangeEvent{Envelope: shopEnv("channels_ec_vip_score_exchange", "OPENID"),
		PayScore: 100, ScoreItemType: 1, RelatedCouponID: 1234, RelatedProductID: 1234}},
	{file: "channels_ec_vip_user_info_get.json", want: &ChannelsECVipUserInfoGetEvent{Envelope: shopEnv("channels_ec_vip_user_info_get", "OPENID"), ShopAppID: "shop_appid"}},
	{file: "channels_ec_vip_user_auto_add.json", want: &ChannelsECVipUserAutoAddEvent{Envelope: shopEnv("channels_ec_vip_user_auto_add", "OPENID"),
		ShopAppID: "xxxxxxxxx", OuterUserID: "xxxxxxxx", Identity: "V1", AddTime: ts(1666673734)}},
	{file: "channels_ec_order_unuse_vip_discount.json", want: &ChannelsECOrderUnuseVipDiscountEvent{Envelope: shopEnv("channels_ec_order_unuse_vip_discount", "OPENID"),
		ShopAppID: "shop_appid", OrderSessionID: "order_session_id", UniqueID: "37xxxxxxxxxxx"}},
	{file: "cooperation_shop_order.json", want: &CooperationShopOrderEvent{Envelope: ev("gh_2defbb026678", "OPENID", 1706518830, "cooperation_shop_order"),
		OrderID: "coiqBw3B0000TdtdzIpQ", ShopAppID: "wx5f5a5b5c5d5e5f50"}},
	{file: "related_shop_order_submission.json", want: &CooperationShopOrderEvent{Envelope: ev("gh_2defbb026678", "OPENID", 1706518830, "related_shop_order_submission"),
		OrderID: "coiqBw3B0000TdtdzIpQ", ShopAppID: "wx5f5a5b5c5d5e5f50"}},
	{file: "dropship_order_new.json", want: &DropshipOrderNewEvent{Envelope: shopEnv("dropship_order_new", "OpenID"), DsOrderID: "4400123343235833535"}},
	{file: "dropship_order_cancel.json", want: &DropshipOrderCancelEvent{Envelope: shopEnv("dropship_order_cancel", "OpenID"), DsOrderID: "4400123343235833535"}},
	{file: "dropship_order_update.json", want: &DropshipOrderUpdateEvent{Envelope: shopEnv("dropship_order_update", "OpenID"), DsOrderID: "4400123343235833535", UpdateTime: ts(1662480000)}},
	{file: "ewaybill_push_path.json", want: &EwaybillPushPathEvent{Envelope: shopEnv("ewaybill_push_path", "OpenID"),
		EwaybillOrderID: 123123123123123, WaybillID: "xxxx", UpdateTime: ts(1231231), Status: 1, Desc: "您的快件已签收"}},

	// The rows below are the documented samples as they are; each compares
	// every field the sample fills. Noted per row: what else it checks.

	// change_timestamp is a JSON string in the sample: a time read from text.
	{file: "channels_ec_change_status.json", want: &ChannelsECChangeStatusEvent{Envelope: ev("gh_*", "OPENID", 1750927919, "channels_ec_change_status"),
		AppID: "APPID", ChangeTimestamp: ts(1750927919), OldStatus: "open_finished", NewStatus: "closing"}},
	{file: "set_shop_headimg.json", want: &SetShopHeadImgEvent{Envelope: shopEnv("set_shop_headimg", "OPENID"), AppID: "APPID", OldHeadImgURL: "旧头像URL", NewHeadImgURL: "新头像URL"}},
	{file: "channels_ec_vip_close.json", want: &ChannelsECVipCloseEvent{Envelope: shopEnv("channels_ec_vip_close", "OPENID"), CloseTime: ts(1662480000)}},
	{file: "channels_ec_vip_grade_info_update.json", want: &ChannelsECVipGradeInfoUpdateEvent{Envelope: shopEnv("channels_ec_vip_grade_info_update", "OPENID"), Grade: 2, ExperienceValue: 100}},
	// Numeric IDs (task_id, coupon_id) land in strings as written; the award two objects deep.
	{file: "channels_ec_vip_task_award.json", want: &ChannelsECVipTaskAwardEvent{Envelope: shopEnv("channels_ec_vip_task_award", "OPENID"),
		TaskID: "123", TaskName: "任务名称", AwardType: 1, CouponID: "1234", GainScore: 100}},
	// A one-item array of products, each with a one-item array of coupons.
	{file: "channels_ec_gen_order_info_init.json", want: &ChannelsECGenOrderInfoInitEvent{Envelope: shopEnv("channels_ec_gen_order_info_init", "OPENID"),
		ShopAppID: "shop_appid", OrderSessionID: "order_session_id", Scene: 1,
		ProductInfos: []ChannelsOrderProduct{{ProductID: "1234567", SkuID: "2345678", SkuCnt: 1, SalePrice: 10000, ShopDiscountedPrice: 1000,
			OrderProductCouponInfoList: []ChannelsOrderProductCoupon{{UserCouponID: "11111", CouponType: 1, DiscountedPrice: 1000}}}},
		ProductPriceBeforeVipDiscount: 9000, ProductPrice: 10000, ShopDiscountedPrice: 1000}},
	{file: "channels_ec_order_use_vip_discount.json", want: &ChannelsECOrderUseVipDiscountEvent{Envelope: shopEnv("channels_ec_order_use_vip_discount", "OPENID"),
		ShopAppID: "shop_appid", OrderSessionID: "order_session_id", Scene: 1, UniqueID: "37xxxxxxxxxxx",
		ProductPriceBeforeVipDiscount: 10000, VipDiscountedPrice: 1000, ProductPriceAfterVipDiscount: 9000}},
	// Two vouchers; the zero amounts of the sample stay zero.
	{file: "channels_ec_voucher_send_succ.json", want: &ChannelsECVoucherSendSuccEvent{Envelope: shopEnv("channels_ec_voucher_send_succ", "OpenID"),
		VoucherList: []ChannelsVoucher{ChannelsVoucher{Code: "232323", CodeType: 1, Status: 1,
			SendTime: ts(1699856182), UpdateTime: ts(1699856182), StartTime: ts(1699856182), EndTime: ts(1699856182), ConsumeTime: ts(1699856182), RefundTime: ts(1699856182),
			ConsumeStoreName: "xxx旗舰店", VoucherType: 1, TelphoneNo: "fasdf343df34545", ProductID: "kbfff", SkuID: "fdsfdf", OrderID: "23434sdfsdf34342", OpenID: "xsdfs4534543534534"}, ChannelsVoucher{Code: "23232323", CodeType: 1, Status: 1,
			SendTime: ts(1699856182), UpdateTime: ts(1699856182), StartTime: ts(1699856182), EndTime: ts(1699856182), ConsumeTime: ts(1699856182), RefundTime: ts(1699856182),
			ConsumeStoreName: "xxx旗舰店", VoucherType: 1, TelphoneNo: "fasdf343df34545", ProductID: "kbfff", SkuID: "fdsfdf", OrderID: "23434sdfsdf34342", OpenID: "xsdfs4534543534534"}}}},
	{file: "channels_ec_phonenumberpool_update.json", want: &ChannelsECPhoneNumberPoolUpdateEvent{Envelope: shopEnv("channels_ec_phonenumberpool_update", "OPENID"), Status: 1}},
	// Its own envelope values, and change_time as a JSON string.
	{file: "api_diff.json", want: &APIDiffEvent{Envelope: ev("gh_6a4cebfd5b9c", "oM0yI7WiASw6i5e3ZXKVKFYa9A9c", 1762492842, "api_diff"),
		ChangelogURL: "https://developers.weixin.qq.com/doc/store/shop/changelog.html",
		APIChanges: []APIChange{{ChineseName: "电子面单取号", CGIPath: "/channels/ec/logistics/ewaybill/biz/order/create",
			DocURL:        "https://developers.weixin.qq.com/doc/store/shop/API/channels-shop-delivery/ewaybill/api_ewaybill_createorder",
			ChangeContent: "更新接口：调整「跨店打单」模式（入参`ewaybill_order_code` `ewaybill_order_appid`字段）的使用条件。"}},
		ChangeTime: ts(1762492842)}},
	// The 19-digit supply order IDs, inside wrappers named in PascalCase.
	{file: "supply_order_new.json", want: &SupplyOrderNewEvent{Envelope: shopEnv("supply_order_new", "OPENID"), SupplyOrderID: "3700000000000000001"}},
	{file: "supply_order_update.json", want: &SupplyOrderUpdateEvent{Envelope: shopEnv("supply_order_update", "OPENID"), SupplyOrderID: "3700000000000000001", UpdateTime: ts(1662480000)}},
	{file: "supply_order_complete.json", want: &SupplyOrderCompleteEvent{Envelope: shopEnv("supply_order_complete", "OPENID"), SupplyOrderID: "3700000000000000001"}},
	{file: "supply_order_cancel.json", want: &SupplyOrderCancelEvent{Envelope: shopEnv("supply_order_cancel", "OPENID"), SupplyOrderID: "3700000000000000001"}},
}

// runFixtures parses every case's file under testdata/dir and compares the
// whole value.
func runFixtures(t *testing.T, dir string, cases []catalogCase) {
	t.Helper()
	for _, tc := range cases {
		t.Run(tc.file, func(t *testing.T) {
			body, err := os.ReadFile(filepath.Join("testdata", dir, tc.file))
			require.NoError(t, err)
			got, err := Parse(body)
			require.NoError(t, err)
			require.IsType(t, tc.want, got)
			assert.Equal(t, tc.want, got)
		})
	}
}

func TestChannelsSamples(t *testing.T) { runFixtures(t, "channels", channelsSamples) }

// Every row of channelsSamples names a fixture that exists under
// testdata/channels, once, named after the key it dispatches to, so a row
// whose file was renamed or removed fails here by name. A fixture needs no
// row: TestFixtures checks the dispatch and every field of every fixture,
// and TestEveryRegistrationHasFixture proves coverage from the files, so a
// row here is an optional deeper check of hand-written values.
func TestChannelsFixturesAllListed(t *testing.T) {
	files, err := filepath.Glob(filepath.Join("testdata", "channels", "*.json"))
	require.NoError(t, err)
	exists := map[string]bool{}
	for _, f := range files {
		exists[filepath.Base(f)] = true
	}
	require.NotEmpty(t, channelsSamples)
	listed := map[string]bool{}
	for _, tc := range channelsSamples {
		assert.Falsef(t, listed[tc.file], "%s listed twice", tc.file)
		listed[tc.file] = true
		assert.Truef(t, exists[tc.file], "%s names no fixture under testdata/channels", tc.file)
		assert.Equal(t, "Event/"+strings.TrimSuffix(tc.file, ".json"), fixtureKey(tc.want))
	}
}

// The 19-digit order ID survives as written, whether WeChat sends it as a
// number or a string, and with a fraction or exponent kept as text too.
func TestChannelsOrderIDExact(t *testing.T) {
	for _, id := range []string{bigOrderID, `"` + bigOrderID + `"`, "18446744073709551616123", "-1", "1.5e3"} {
		ev, err := Parse([]byte(`{"MsgType":"event","Event":"channels_ec_order_new","order_info":{"order_id":` + id + `}}`))
		require.NoError(t, err)
		want := id
		if id[0] == '"' {
			want = bigOrderID
		}
		assert.Equal(t, want, ev.(*ChannelsECOrderNewEvent).OrderID)
	}
}
