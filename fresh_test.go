package wechatevent

import "testing"

// Fresh samples, written for this package, cover every type the catalog has
// no real sample of, with the quirks real traffic shows: numbers in CDATA,
// white space around CDATA, CRLF, a BOM and declaration, one and many
// repeated elements, and the alternative spellings WeChat's own samples use.

func fev(event string) Envelope {
	return ev("gh_7f083739789a", "oia2TjuEGTNoeX76QEjQNrcURxG8", 1700000000, event)
}

func fevAt(event string, created int64) Envelope {
	e := fev(event)
	e.CreateTime = ts(created)
	return e
}

func fevFrom(event, from string) Envelope {
	e := fev(event)
	e.FromUserName = from
	return e
}

// platformEnv is the Envelope of a 开放平台 push: only CreateTime is set.
func platformEnv(created int64) Envelope { return Envelope{CreateTime: ts(created)} }

const platformAppID = "wx3a2b1c0d9e8f7a6b"

var companyInfo = FastRegisterInfo{Name: "某某科技有限公司", Code: "91440300MA5EXAMPLE", CodeType: 1,
	LegalPersonaWechat: "legal_wx", LegalPersonaName: "张三", ComponentPhone: "13800000000"}

var freshSamples = []catalogCase{
	{file: "x_kf_create_session.xml", want: &KfCreateSessionEvent{Envelope: fev("kf_create_session"), KfAccount: "agent1@gh_test"}},
	{file: "x_kf_close_session.xml", want: &KfCloseSessionEvent{Envelope: fev("kf_close_session"), KfAccount: "agent2@gh_test"}},
	{file: "x_user_authorize_invoice.xml", want: &UserAuthorizeInvoiceEvent{Envelope: fev("user_authorize_invoice"),
		SuccOrderID: "1202933957956", AppID: "wx4a1b2c3d4e5f6a7b", Source: "web"}},
	{file: "x_update_invoice_status.xml", want: &UpdateInvoiceStatusEvent{Envelope: fev("update_invoice_status"),
		Status: "INVOICE_REIMBURSE_LOCK", CardID: "pjZ8Yt1XGILfmF-uHDrxW4WGZyHs", Code: "030107"}},
	{file: "x_cloud_invoice_invoiceresult_event.xml", want: &CloudInvoiceInvoiceResultEvent{Envelope: fev("cloud_invoice_invoiceresult_event"),
		Fpqqlsh: "5a1d2c3b", Status: 1, Nsrsbh: "110109500321654"}},
	{file: "x_merchant_order.xml", want: &MerchantOrderEvent{Envelope: fev("merchant_order"),
		OrderID: "7197417460812584720", OrderStatus: 2, ProductID: "p8BCTv77lYj4xkUqpZjE8AF1ez4e", SkuInfo: "10001:1000012;10002:100021"}},
	{file: "x_poi_check_notify.xml", want: &PoiCheckNotifyEvent{Envelope: fev("poi_check_notify"),
		UniqID: "123adb", PoiID: "463558057", Result: "fail", Msg: "名称不符"}},
	{file: "x_wificonnected.xml", want: &WifiConnectedEvent{Envelope: fev("WifiConnected"),
		ConnectTime: ts(1700000001), VendorID: "3001224419", PlaceID: "1569284", DeviceNo: "00:1f:7a:ad:5c:a8"}},
	{file: "x_user_info_modified.xml", want: &UserInfoModifiedEvent{Envelope: fev("user_info_modified"),
		UserAuthorizationChange: UserAuthorizationChange{OpenID: "oU5Yy5Vd0d0sKa0nNq3rVd0A1b2c", AppID: "wx13974bf780d3dc89"}}},
	{file: "x_user_authorization_cancellation.xml", want: &UserAuthorizationCancellationEvent{Envelope: fev("user_authorization_cancellation"),
		UserAuthorizationChange: UserAuthorizationChange{OpenID: "oU5Yy5Vd0d0sKa0nNq3rVd0A1b2c", UnionID: "oX9k1t2u3v4w5x6y7z8a9b0c1d2e",
			AppID: "wx13974bf780d3dc89", PluginID: "wxidplugin0001", OpenPID: "pid_0001"}}},
	{file: "x_enter.xml", want: &EnterEvent{Envelope: fev("ENTER")}},
	{file: "x_device_text.xml", want: &DeviceTextMessage{Envelope: msg("gh_dev", "oUserDevice", 1700000200, "device_text", 6052184711462883840),
		DeviceType: "gh_dev", DeviceID: "dev_01", SessionID: "9394", Content: "aGVsbG8=", OpenID: "oUserDevice"}},
	{file: "x_device_event_subscribe_status.xml", want: &DeviceEvent{
		Envelope:   Envelope{ToUserName: "gh_dev", FromUserName: "oUserDevice", CreateTime: ts(1700000201), MsgType: "device_event", Event: "subscribe_status"},
		DeviceType: "gh_dev", DeviceID: "dev_01", OpType: 1, OpenID: "oUserDevice"}},
	{file: "x_card_not_pass_check.xml", want: &CardNotPassCheckEvent{Envelope: fev("card_not_pass_check"),
		CardID: "pFS7Fjg8kV1IdDz01r4SQwMkuCKc", RefuseReason: "非法代制"}},
	{file: "x_user_gifting_card.xml", want: &UserGiftingCardEvent{Envelope: fev("user_gifting_card"),
		CardID: "pFS7Fjg8kV1IdDz01r4SQwMkuCKc", UserCardCode: "12312312", FriendUserName: "oFriend01", IsChatRoom: 1}},
	{file: "x_user_del_card.xml", want: &UserDelCardEvent{Envelope: fev("user_del_card"),
		CardID: "pFS7Fjg8kV1IdDz01r4SQwMkuCKc", UserCardCode: "12312312"}},
	{file: "x_user_consume_card.xml", want: &UserConsumeCardEvent{Envelope: fev("user_consume_card"),
		CardID: "pFS7Fjg8kV1IdDz01r4SQwMkuCKc", UserCardCode: "12312312", ConsumeSource: "FROM_API", LocationName: "某门店",
		StaffOpenID: "oStaff001", RemarkAmount: "12.50", OuterStr: "xxxxx"}},
	{file: "x_user_view_card.xml", want: &UserViewCardEvent{Envelope: fev("user_view_card"),
		CardID: "pFS7Fjg8kV1IdDz01r4SQwMkuCKc", UserCardCode: "12312312", OuterStr: "12b"}},
	{file: "x_user_enter_session_from_card.xml", want: &UserEnterSessionFromCardEvent{Envelope: fev("user_enter_session_from_card"),
		CardID: "pFS7Fjg8kV1IdDz01r4SQwMkuCKc", UserCardCode: "12312312"}},
	{file: "x_update_member_card.xml", want: &UpdateMemberCardEvent{Envelope: fev("update_member_card"),
		CardID: "pFS7Fjg8kV1IdDz01r4SQwMkuCKc", UserCardCode: "12312312", ModifyBonus: -3, ModifyBalance: 500}},
	{file: "x_card_sku_remind.xml", want: &CardSkuRemindEvent{Envelope: fev("card_sku_remind"),
		CardID: "pFS7Fjg8kV1IdDz01r4SQwMkuCKc", Detail: "the card's quantity is equal to 0"}},
	{file: "x_submit_membercard_user_info.xml", want: &SubmitMembercardUserInfoEvent{Envelope: fev("submit_membercard_user_info"),
		CardID: "pFS7Fjg8kV1IdDz01r4SQwMkuCKc", UserCardCode: "018255396048"}},
	{file: "x_card_merchant_check_result.xml", want: &CardMerchantCheckResultEvent{Envelope: fev("card_merchant_check_result"),
		MerchantID: 12, Reason: "资料不全"}},
	{file: "x_giftcard_pay_done.xml", want: &GiftcardPayDoneEvent{Envelope: fev("giftcard_pay_done"), PageID: "abcd1234", OrderID: "Z2y2rY74ksZX1ceuGA"}},
	{file: "x_giftcard_user_accept.xml", want: &GiftcardUserAcceptEvent{Envelope: fev("giftcard_user_accept"), PageID: "abcd1234", OrderID: "Z2y2rY74ksZX1ceuGA"}},
	{file: "x_freepublishjobfinish.xml", want: &PublishJobFinishEvent{Envelope: fevFrom("FREEPUBLISHJOBFINISH", "mphelper"),
		PublishID: 2247503052, ArticleID: "Mw4X3lWzyMb",
		ArticleDetail: PublishArticleDetail{Count: 2, Items: []PublishArticle{
			{Idx: 1, ArticleURL: "https://mp.weixin.qq.com/s/a"}, {Idx: 2, ArticleURL: "https://mp.weixin.qq.com/s/b"}}}}},
	{file: "x_publishjobfinish_one_fail_idx.xml", want: &PublishJobFinishEvent{Envelope: fevFrom("PUBLISHJOBFINISH", "mphelper"),
		PublishID: 2247503053, PublishStatus: 4, FailIdx: []int{3}}},
	{file: "x_subscribe_msg_popup_one.xml", want: &SubscribeMsgPopupEvent{Envelope: fev("subscribe_msg_popup_event"),
		List: []SubscribeMsgPopupItem{{TemplateID: "hD-ixGOhYmUfjOnI8MCzQMPshzGVeux_2vBgXqdIl0U", SubscribeStatusString: "accept"}}}},
	{file: "x_wxa_media_check_v1.xml", want: &WxaMediaCheckEvent{Envelope: fev("wxa_media_check"),
		IsRisky: 1, ExtraInfoJSON: `{"label":"porn"}`, AppID: "wx8f1e2d3c4b5a6978", TraceID: "967e945cd8a3e458f3c74dcb886068e9", StatusCode: 4294966288}},
	{file: "x_wxa_media_check_v2_camel.xml", want: &WxaMediaCheckEvent{Envelope: fev("wxa_media_check"),
		AppID: "wx8f1e2d3c4b5a6978", TraceID: "6421b3a1-12f0a8e3-5c2d7b1a", Version: 2,
		Details: []MediaCheckDetail{
			{Strategy: "content_model", Suggest: "risky", Label: 20002, Prob: 95},
			{Strategy: "keyword", Suggest: "pass", Label: 100},
		},
		ErrMsg: "ok", Result: MediaCheckResult{Suggest: "risky", Label: 20002}}},
	{file: "x_weapp_audit_success.xml", want: &WeappAuditSuccessEvent{Envelope: fev("weapp_audit_success"), SuccTime: ts(1700000300)}},
	{file: "x_weapp_audit_delay.xml", want: &WeappAuditDelayEvent{Envelope: fev("weapp_audit_delay"),
		Reason: "为了更好的服务小程序，您的服务商正在进行提审系统的优化，可能会导致审核时效的增长，请耐心等待", DelayTime: ts(1700000400)}},
	{file: "x_wxa_category_audit.xml", want: &WxaCategoryAuditEvent{Envelope: fev("wxa_category_audit"), Ret: 3, First: 304, Second: 1050}},
	{file: "x_wxa_privacy_apply.xml", want: &WxaPrivacyApplyEvent{Envelope: fev("wxa_privacy_apply"),
		APIName: "wx.chooseAddress", ApplyTime: ts(1700000500), AuditID: 420283745, AuditTime: ts(1700000600), Reason: "场景不符", Status: 2}},
	{file: "x_wxa_appeal_record.xml", want: &WxaAppealRecordEvent{Envelope: fev("wxa_appeal_record"),
		AppealRecordID: 2, AppID: "wx8f1e2d3c4b5a6978", AppealTime: ts(1700000700), AppealCount: 1, AppealStatus: 3,
		PunishDescription: "涉嫌诱导分享",
		Materials: []AppealMaterial{
			{IllegalMaterial: IllegalMaterial{Content: "分享得奖励", ContentURL: "https://example.com/p/1"},
				AppealMaterial: AppealMaterialInfo{Reason: "已整改", ProofMaterialIDs: []string{"m1", "m2"}}},
			{IllegalMaterial: IllegalMaterial{Content: "第二处"},
				AppealMaterial: AppealMaterialInfo{Reason: "误判", ProofMaterialIDs: []string{"m3"}}},
		}}},
	{file: "x_wxa_illegal_record.xml", want: &WxaIllegalRecordEvent{Envelope: fevAt("wxa_illegal_record", 1700000801),
		IllegalRecordID: "4_1_1_1700000800", AppID: "wx8f1e2d3c4b5a6978", RecordCreateTime: ts(1700000800),
		IllegalReason: "违规", IllegalContent: "内容", RuleURL: "https://developers.weixin.qq.com/rule", RuleName: "运营规范"}},
	{file: "x_add_express_path_waybillid.xml", want: &AddExpressPathEvent{Envelope: fev("add_express_path"),
		DeliveryID: "ZTO", WayBillID: "73100000000001", OrderID: "01234567890123456789", Version: 1, Count: 1,
		Actions: []ExpressAction{{ActionTime: ts(1700000900), ActionType: 400001, ActionMsg: "已签收"}}}},
	{file: "x_trade_manage_remind_access_api.xml", want: &TradeManageRemindAccessAPIEvent{Envelope: fev("trade_manage_remind_access_api"),
		Msg: "请尽快接入发货信息管理服务API"}},
	{file: "x_trade_manage_remind_shipping.xml", want: &TradeManageRemindShippingEvent{Envelope: fev("trade_manage_remind_shipping"),
		TransactionID: "4200001234202311111234567890", MerchantID: "1230000109", MerchantTradeNo: "T20231111001",
		PayTime: ts(1700001000), Msg: "订单超过48小时未发货"}},
	{file: "x_trade_manage_order_settlement.xml", want: &TradeManageOrderSettlementEvent{Envelope: fev("trade_manage_order_settlement"),
		TransactionID: "4200001234202311111234567890", MerchantID: "1230000109", SubMerchantID: "1900000109", MerchantTradeNo: "T20231111001",
		PayTime: ts(1700001000), ShippedTime: ts(1700001100), EstimatedSettlementTime: ts(1700601100),
		ConfirmReceiveMethod: 2, ConfirmReceiveTime: ts(1700301100), SettlementTime: ts(1700601200)}},
	{file: "x_secvod_upload_event.xml", want: &SecvodUploadEvent{Envelope: fev("secvod_upload_event"),
		MediaID: 20001, SourceContext: "ctx-1", ErrMsg: "ok"}},
	{file: "x_secvod_audit_event.xml", want: &SecvodAuditEvent{Envelope: fev("secvod_audit_event"),
		DramaID: 30001, SourceContext: "ctx-2",
		AuditDetail: DramaAuditDetail{Status: 4, AuditType: 1, CreateTime: ts(1700001200), AuditTime: ts(1700001300)}}},
	{file: "x_xpay_goods_deliver_notify.xml", want: &XpayGoodsDeliverNotifyEvent{Envelope: fev("xpay_goods_deliver_notify"),
		OpenID: "oBuyer0001", OutTradeNo: "xp_20231111_0001", Env: 1,
		WeChatPayInfo: XpayPayInfo{MchOrderNo: "mch_0001", TransactionID: "4200009999", PaidTime: ts(1700001400)},
		GoodsInfo:     XpayGoodsInfo{ProductID: "sword_01", Quantity: 2, OrigPrice: 1200, ActualPrice: 1000, Attach: "level=3"}}},
	{file: "x_xpay_coin_pay_notify.xml", want: &XpayCoinPayNotifyEvent{Envelope: fev("xpay_coin_pay_notify"),
		OpenID: "oBuyer0002", OutTradeNo: "xp_20231111_0002",
		CoinInfo: XpayCoinInfo{Quantity: 600, OrigPrice: 600, ActualPrice: 600}}},
	{file: "x_apply_merchant_audit_info.xml", want: &ApplyMerchantAuditInfoEvent{Envelope: fev("apply_merchant_audit_info"),
		StoreAudit: StoreAudit{AuditID: 11111, Status: 3, Reason: "资料不清晰"}}},
	{file: "x_create_map_poi_audit_info.xml", want: &CreateMapPoiAuditInfoEvent{Envelope: fev("create_map_poi_audit_info"),
		AuditID: 11112, Status: 1, MapPoiID: "2880519561", Name: "某某店", Address: "广州市海珠区",
		Latitude: 23.1065, Longitude: 113.3245, ShRemark: "通过"}},
	{file: "x_add_store_audit_info.xml", want: &AddStoreAuditInfoEvent{Envelope: fev("add_store_audit_info"),
		StoreAudit: StoreAudit{AuditID: 11113, Status: 1}, IsUpgrade: 1, PoiID: "12344"}},
	{file: "x_modify_store_audit_info.xml", want: &ModifyStoreAuditInfoEvent{Envelope: fev("modify_store_audit_info"),
		StoreAudit: StoreAudit{AuditID: 11114, Status: 2}}},
	{file: "x_shakearoundusershake_one_beacon.xml", want: &ShakearoundUserShakeEvent{Envelope: fev("shakearoundusershake"),
		ChosenBeacon:  Beacon{UUID: "FDA50693-A4E2-4FB1-AFCF-C6EB07647825", Major: "10001", Minor: "12102", Distance: 0.5},
		AroundBeacons: []Beacon{{UUID: "FDA50693-A4E2-4FB1-AFCF-C6EB07647825", Major: "10001", Minor: "12103", Distance: 3.25}}}},
	{file: "x_miniprogrampage.xml", want: &MiniProgramPageMessage{Envelope: msg("gh_mini", "oMiniUser", 1700001500, "miniprogrampage", 6398470830486306816),
		Title: "商品详情", AppID: "wx1234567890abcdef", PagePath: "pages/item/item?id=7&from=card",
		ThumbURL: "https://mmbiz.qpic.cn/thumb.jpg", ThumbMediaID: "thumb_media_id_1"}},
	{file: "x_guide_qrcode_scan_event.xml", want: &GuideQrcodeScanEvent{Envelope: fev("guide_qrcode_scan_event"),
		QrcodeGuideAccount: "guide_wx", QrcodeGuideOpenID: "oGuide001", OpenID: "oUser001", Action: 11, QrcodeInfo: "scene=shop1"}},
	{file: "x_naming_verify_success.xml", want: &NamingVerifySuccessEvent{Envelope: fev("naming_verify_success"), ExpiredTime: ts(1731536000)}},
	{file: "x_naming_verify_fail.xml", want: &NamingVerifyFailEvent{Envelope: fev("naming_verify_fail"),
		FailTime: ts(1700001600), FailReason: "名称不符合规范"}},
	{file: "x_annual_renew.xml", want: &AnnualRenewEvent{Envelope: fev("annual_renew"), ExpiredTime: ts(1731536001)}},
	{file: "x_user_scan_product_enter_session.xml", want: &UserScanProductEnterSessionEvent{Envelope: fev("user_scan_product_enter_session"),
		KeyStandard: "ean13", KeyStr: "6901481811083", ExtInfo: "ext"}},
	{file: "x_view_miniprogram_menuid_alias.xml", want: &ViewMiniProgramEvent{Envelope: fev("VIEW_MINIPROGRAM"),
		EventKey: "pages/cart/cart", MenuID: "428796990"}},

	{file: "x_component_verify_ticket.xml", want: &ComponentVerifyTicketEvent{Envelope: platformEnv(1700000100),
		AppID: platformAppID, InfoType: "component_verify_ticket", ComponentVerifyTicket: "ticket@@@Qm9vVGVzdFRpY2tldA_x9"}},
	{file: "x_authorized.xml", want: &AuthorizedEvent{Envelope: platformEnv(1700000100), AppID: platformAppID, InfoType: "authorized",
		AuthorizerAppID: "wxf8b4f85f3a794e77", AuthorizationCode: "queryauthcode@@@SozCwT_ve8mK1zXiwTWt",
		AuthorizationCodeExpiredTime: ts(1700004100), PreAuthCode: "preauthcode@@@ejSsBPbaPUbDgLt1UdTRBQ"}},
	{file: "x_unauthorized.xml", want: &UnauthorizedEvent{Envelope: platformEnv(1700000100), AppID: platformAppID, InfoType: "unauthorized",
		AuthorizerAppID: "wxf8b4f85f3a794e77"}},
	{file: "x_updateauthorized.xml", want: &UpdateAuthorizedEvent{Envelope: platformEnv(1700000100), AppID: platformAppID, InfoType: "UpdateAuthorized",
		AuthorizerAppID: "wxf8b4f85f3a794e77", AuthorizationCode: "queryauthcode@@@xyz",
		AuthorizationCodeExpiredTime: ts(1700004200), PreAuthCode: "preauthcode@@@abc"}},
	{file: "x_notify_third_fasteregister.xml", want: &NotifyThirdFastRegisterEvent{Envelope: platformEnv(1700000100),
		AppID: platformAppID, InfoType: "notify_third_fasteregister", WxaAppID: "wx0a1b2c3d4e5f6a7b",
		AuthCode: "xxxxx第三方授权码", Msg: "OK", Info: companyInfo}},
	{file: "x_notify_third_fasteregister_personal.xml", want: &NotifyThirdFastRegisterEvent{Envelope: platformEnv(1700000100),
		AppID: platformAppID, InfoType: "notify_third_fasteregister", WxaAppID: "wx0a1b2c3d4e5f6a7c", Status: 89250, Msg: "未找到该任务",
		Info: FastRegisterInfo{WxUser: "person_wx", IDName: "李四", ComponentPhone: "13900000000"}}},
	{file: "x_notify_third_fastregisterbetaapp.xml", want: &NotifyThirdFastRegisterBetaAppEvent{Envelope: platformEnv(1700000100),
		AppID: platformAppID, InfoType: "notify_third_fastregisterbetaapp", WxaAppID: "wxbeta000000001", Msg: "OK",
		Info: BetaAppInfo{UniqueID: "uid-001", Name: "试用小程序"}}},
	{file: "x_notify_third_fastverifybetaapp.xml", want: &NotifyThirdFastVerifyBetaAppEvent{Envelope: platformEnv(1700000100),
		AppID: platformAppID, InfoType: "notify_third_fastverifybetaapp", WxaAppID: "wxbeta000000001", Msg: "OK", Info: companyInfo}},
	{file: "x_notify_3rd_wxa_auth.xml", want: &Notify3rdWxaAuthEvent{Envelope: platformEnv(1700000100),
		AppID: platformAppID, InfoType: "notify_3rd_wxa_auth", WxaAppID: "wx0a1b2c3d4e5f6a7b", Message: "ok", TaskID: "task_0001", ApplyStatus: 2,
		DispatchInfo: WxaAuthDispatchInfo{Provider: "某审核机构", Contact: "020-12345678", DispatchTime: ts(1700004300)}}},
	{file: "x_notify_3rd_wxa_wxverify.xml", want: &Notify3rdWxaWxverifyEvent{Envelope: platformEnv(1700000100),
		AppID: platformAppID, InfoType: "notify_3rd_wxa_wxverify", WxaAppID: "wx0a1b2c3d4e5f6a7b", Expired: ts(1702592000), Message: "认证即将过期"}},
	{file: "x_notify_icpfiling_verify_result.xml", want: &NotifyIcpfilingVerifyResultEvent{Envelope: platformEnv(1700000100),
		AppID: platformAppID, InfoType: "notify_icpfiling_verify_result", TaskID: "R5PqRPNb6GmG3i0rqd4pTg", VerifyAppID: "wx0a1b2c3d4e5f6a7b", Result: 3}},
	{file: "x_notify_apply_icpfiling_result.xml", want: &NotifyApplyIcpfilingResultEvent{Envelope: platformEnv(1700000100),
		AppID: platformAppID, InfoType: "notify_apply_icpfiling_result", AuthorizerAppID: "wx0a1b2c3d4e5f6a7b", BeianStatus: 1025}},
}

func TestFreshSamples(t *testing.T) { runCatalog(t, freshSamples) }
