package wechatevent

import (
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// catalogCase is one fixture under testdata/catalog and what it must parse to.
type catalogCase struct {
	file  string
	want  Event                           // the whole expected value, compared field by field
	err   error                           // an expected error instead of a value
	check func(*testing.T, *UnknownEvent) // for bodies that must stay unknown
}

func ts(sec int64) time.Time { return time.Unix(sec, 0) }

func ev(to, from string, created int64, event string) Envelope {
	return Envelope{ToUserName: to, FromUserName: from, CreateTime: ts(created), MsgType: "event", Event: event}
}

// wecomEnv is e as WeCom sends it, to the app agentID.
func wecomEnv(e Envelope, agentID int64) Envelope {
	e.AgentID = agentID
	return e
}

func msg(to, from string, created int64, msgType string, id int64) Envelope {
	return Envelope{ToUserName: to, FromUserName: from, CreateTime: ts(created), MsgType: msgType, MsgID: id}
}

// catalogSamples are the real samples of the events catalog (§D and §E),
// stored verbatim.
var catalogSamples = []catalogCase{
	{file: "d01_subscribe.xml", want: &SubscribeEvent{Envelope: ev("toUser", "FromUser", 123456789, "subscribe")}},
	{file: "d02_subscribe.xml", want: &SubscribeScanEvent{Envelope: ev("toUser", "FromUser", 123456789, "subscribe"),
		EventKey: "qrscene_123123", SceneID: "123123", Ticket: "TICKET"}},
	{file: "d03_subscribe.xml", want: &SubscribeEvent{Envelope: ev("gh_a96a4a619366", "olPjZjsXuQPJoV0HlruZkNzKc91E", 1364447046, "subscribe")}},
	{file: "d04_subscribe.xml", want: &SubscribeEvent{Envelope: ev("toUser", "FromUser", 123456789, "subscribe"),
		EventKey: "last_trade_no_4008072001201701105817415015"}},
	{file: "d05_subscribe.xml", want: &SubscribeScanProductEvent{Envelope: ev("gh_fbe8a958756e", "otAzGjrS4AYCmeJM1GhEOcHXXTAo", 1433259128, "subscribe"),
		EventKey: "scanbarcode|keystandard|keystr", Scene: "scanbarcode", KeyStandard: "keystandard", KeyStr: "keystr"}},
	{file: "d06_unsubscribe.xml", want: &UnsubscribeEvent{Envelope: ev("toUser", "fromUser", 123456789, "unsubscribe")}},
	{file: "d07_scan.xml", want: &ScanEvent{Envelope: ev("toUser", "FromUser", 123456789, "SCAN"),
		EventKey: "SCENE_VALUE", SceneID: "SCENE_VALUE", Ticket: "TICKET"}},
	{file: "d08_location.xml", want: &LocationEvent{Envelope: ev("toUser", "fromUser", 123456789, "LOCATION"),
		Latitude: 23.137466, Longitude: 113.352425, Precision: 119.385040}},
	{file: "d09_click.xml", want: &ClickEvent{Envelope: ev("toUser", "fromUser", 123456789, "CLICK"), EventKey: "EVENTKEY"}},
	{file: "d10_view.xml", want: &ViewEvent{Envelope: ev("toUser", "FromUser", 123456789, "VIEW"), EventKey: "www.qq.com", MenuID: "MENUID"}},
	{file: "d11_view_miniprogram.xml", want: &ViewMiniProgramEvent{Envelope: ev("toUser", "FromUser", 123456789, "view_miniprogram"),
		EventKey: "pages/index/index", MenuID: "MENUID"}},
	{file: "d12_scancode_push.xml", want: &ScanCodePushEvent{Envelope: ev("gh_e136c6e50636", "oMgHVjngRipVsoxg6TuX3vz6glDg", 1408090502, "scancode_push"),
		EventKey: "6", ScanType: "qrcode", ScanResult: "1"}},
	{file: "d13_scancode_waitmsg.xml", want: &ScanCodeWaitMsgEvent{Envelope: ev("toUser", "FromUser", 123456789, "scancode_waitmsg"),
		EventKey: "EVENTKEY", ScanType: "qrcode", ScanResult: "www.qq.com"}},
	{file: "d14_pic_sysphoto.xml", want: &PicSysPhotoEvent{Envelope: ev("gh_e136c6e50636", "oMgHVjngRipVsoxg6TuX3vz6glDg", 1408090651, "pic_sysphoto"),
		EventKey: "6", Count: 1, Pictures: []Picture{{"1b5f7c23b5bf75682a53e7b6d163e185"}}}},
	{file: "d15_pic_sysphoto.xml", want: &PicSysPhotoEvent{Envelope: ev("gh_e136c6e50636", "oMgHVjngRipVsoxg6TuX3vz6glDg", 1408090651, "pic_sysphoto"),
		EventKey: "6", Count: 2, Pictures: []Picture{{"1b5f7c23b5bf75682a53e7b6d163e185"}, {"233"}}}},
	{file: "d16_pic_photo_or_album.xml", want: &PicPhotoOrAlbumEvent{Envelope: ev("gh_e136c6e50636", "oMgHVjngRipVsoxg6TuX3vz6glDg", 1408090816, "pic_photo_or_album"),
		EventKey: "6", Count: 1, Pictures: []Picture{{"5a75aaca956d97be686719218f275c6b"}}}},
	{file: "d17_pic_weixin.xml", want: &PicWeChatEvent{Envelope: ev("gh_e136c6e50636", "oMgHVjngRipVsoxg6TuX3vz6glDg", 1408090816, "pic_weixin"),
		EventKey: "6", Count: 1, Pictures: []Picture{{"5a75aaca956d97be686719218f275c6b"}}}},
	{file: "d18_location_select.xml", want: &LocationSelectEvent{Envelope: ev("gh_e136c6e50636", "oMgHVjngRipVsoxg6TuX3vz6glDg", 1408091189, "location_select"),
		EventKey: "6", LocationX: 23, LocationY: 113, Scale: 15, Label: " 广州市海珠区客村艺苑路 106号"}},
	{file: "d19_masssendjobfinish.xml", want: &MassSendJobFinishEvent{
		Envelope: withMsgID(ev("gh_4d00ed8d6399", "oV5CrjpxgaGXNHIQigzNlgLTnwic", 1481013459, "MASSSENDJOBFINISH"), 1000001625),
		Status:   "err(30003)",
		CopyrightCheckResult: CopyrightCheckResult{Count: 2, CheckState: 2, ResultList: []CopyrightCheckItem{
			{ArticleIdx: 1, AuditState: 2, OriginalArticleURL: "Url_1", OriginalArticleType: 1, CanReprint: 1, NeedReplaceContent: 1, NeedShowReprintSource: 1},
			{ArticleIdx: 2, AuditState: 2, OriginalArticleURL: "Url_2", OriginalArticleType: 1, CanReprint: 1, NeedReplaceContent: 1, NeedShowReprintSource: 1},
		}},
		ArticleURLResult: ArticleURLResult{Count: 1, ResultList: []ArticleURLItem{{ArticleIdx: 1, ArticleURL: "Url"}}},
	}},
	{file: "d20_masssendjobfinish.xml", want: &MassSendJobFinishEvent{
		Envelope: withMsgID(ev("gh_a96a4a619366", "oR5Gjjl_eiZoUpGozMo7dbBJ362A", 1394524295, "MASSSENDJOBFINISH"), 1988),
		Status:   "sendsuccess", TotalCount: 100, FilterCount: 80, SentCount: 75, ErrorCount: 5}},
	{file: "d21_templatesendjobfinish.xml", want: &TemplateSendJobFinishEvent{
		Envelope: withMsgID(ev("touser", "fromuser", 1395658920, "TEMPLATESENDJOBFINISH"), 200163836), Status: "success"}},
	{file: "d22_templatesendjobfinish.xml", want: &TemplateSendJobFinishEvent{
		Envelope: withMsgID(ev("gh_7f083739789a", "oia2TjuEGTNoeX76QEjQNrcURxG8", 1395658984, "TEMPLATESENDJOBFINISH"), 200163840), Status: "failed: system failed"}},
	{file: "d23_publishjobfinish.xml", want: &PublishJobFinishEvent{Envelope: ev("gh_4d00ed8d6399", "oV5CrjpxgaGXNHIQigzNlgLTnwic", 1481013459, "PUBLISHJOBFINISH"),
		PublishID: 2247503051, PublishStatus: 0, ArticleID: "b5O2OUs25HBxRceL7hfReg-U9QGeq9zQjiDvy\nWP4Hq4",
		ArticleDetail: PublishArticleDetail{Count: 1, Items: []PublishArticle{{Idx: 1, ArticleURL: "ARTICLE_URL"}}}}},
	{file: "d24_publishjobfinish.xml", want: &PublishJobFinishEvent{Envelope: ev("gh_4d00ed8d6399", "oV5CrjpxgaGXNHIQigzNlgLTnwic", 1481013459, "PUBLISHJOBFINISH"),
		PublishID: 2247503051, PublishStatus: 2, FailIdx: []int{1, 2}}},
	{file: "d25_user_scan_product_verify_action.xml", want: &UserScanProductVerifyActionEvent{
		Envelope:    ev("gh_404e58ec528e", "od_ikt8qi21-hVTtYgm8xSfTLH5w", 1450429257, "user_scan_product_verify_action"),
		KeyStandard: "ean13", KeyStr: "6901481811083", Result: "verify_ok"}},
	{file: "d26_card_pass_check.xml", want: &CardPassCheckEvent{Envelope: ev("toUser", "FromUser", 123456789, "card_pass_check"),
		CardID: "cardid", RefuseReason: "非法代制"}},
	{file: "d27_subscribe_msg_popup_event.xml", want: &SubscribeMsgPopupEvent{
		Envelope: ev("gh_123456789abc", "otFpruAK8D-E6EfStSYonYSBZ8_4", 1610969440, "subscribe_msg_popup_event"),
		List: []SubscribeMsgPopupItem{
			{TemplateID: "VRR0UEO9VJOLs0MHlU0OilqX6MVFDwH3_3gz3Oc0NIc", SubscribeStatusString: "accept", PopupScene: 2},
			{TemplateID: "9nLIlbOQZC5Y89AZteFEux3WCXRRRG5Wfzkpssu4bLI", SubscribeStatusString: "reject", PopupScene: 2},
		}}},
	{file: "d28_subscribe_msg_change_event.xml", want: &SubscribeMsgChangeEvent{
		Envelope: ev("gh_123456789abc", "otFpruAK8D-E6EfStSYonYSBZ8_4", 1610969440, "subscribe_msg_change_event"),
		List:     []SubscribeMsgChangeItem{{TemplateID: "VRR0UEO9VJOLs0MHlU0OilqX6MVFDwH3_3gz3Oc0NIc", SubscribeStatusString: "reject"}}}},
	{file: "d29_subscribe_msg_sent_event.xml", want: &SubscribeMsgSentEvent{
		Envelope: ev("gh_123456789abc", "otFpruAK8D-E6EfStSYonYSBZ8_4", 1610969468, "subscribe_msg_sent_event"),
		List: []SubscribeMsgSentItem{{TemplateID: "VRR0UEO9VJOLs0MHlU0OilqX6MVFDwH3_3gz3Oc0NIc",
			MsgID: 1700827132819554304, ErrorCode: 0, ErrorStatus: "success"}}}},
	// The official sample lost the "<" of every CDATA: the text is kept literally.
	{file: "d30_guide_qrcode_scan_event.xml", want: &GuideQrcodeScanEvent{Envelope: ev("toUser", "fromUser", 1546924844, "guide_qrcode_scan_event"),
		QrcodeGuideAccount: "![CDATA[xxx]]", QrcodeGuideOpenID: "![CDATA[xxx]]", OpenID: "![CDATA[xxx]]", Action: 11, QrcodeInfo: "![CDATA[xxx]]"}},
	{file: "d31_qualification_verify_success.xml", want: &QualificationVerifySuccessEvent{
		Envelope: ev("toUser", "FromUser", 1442401156, "qualification_verify_success"), ExpiredTime: ts(1442401156)}},
	{file: "d32_qualification_verify_fail.xml", want: &QualificationVerifyFailEvent{
		Envelope: ev("toUser", "FromUser", 1442401156, "qualification_verify_fail"), FailTime: ts(1442401122), FailReason: "by time"}},
	{file: "d33_verify_expired.xml", want: &VerifyExpiredEvent{
		Envelope: ev("toUser", "FromUser", 1442400900, "verify_expired"), ExpiredTime: ts(1442400900)}},
	{file: "d34_user_scan_product.xml", want: &UserScanProductEvent{
		Envelope:    ev("gh_4e47c9c9ecad", "okkeXs1nI-xU4ql8-5BXkv1f0gDo", 1438250110, "user_scan_product"),
		KeyStandard: "ean13", KeyStr: "6901481811083", Country: "中国", Province: "广东", City: "揭阳", Sex: 1, Scene: 2, ExtInfo: "123"}},
	{file: "d35_user_scan_product_async.xml", want: &UserScanProductAsyncEvent{
		Envelope:    ev("gh_fbe8a958756e", "otAzGjrS4AYCmeJM1GhEOcHXXTAo", 1434541327, "user_scan_product_async"),
		KeyStandard: "qrcode", KeyStr: "lincolntest2", ExtInfo: "123", RegionCode: "440105"}},
	{file: "d36_kf_switch_session.xml", want: &KfSwitchSessionEvent{Envelope: ev("touser", "fromuser", 1399197672, "kf_switch_session"),
		FromKfAccount: "test1@test", ToKfAccount: "test2@test"}},
	{file: "d37_user_get_card.xml", want: &UserGetCardEvent{Envelope: ev("gh_fc0a06a20993", "oZI8Fj040-be6rlDohc6gkoPOQTQ", 1472551036, "user_get_card"),
		CardID: "pZI8Fjwsy5fVPRBeD78J4RmqVvBc", UserCardCode: "226009850808", OuterStr: "12b", UnionID: "o6_bmasdasdsad6_2sgVt7hMZOPfL"}},
	{file: "d38_user_pay_from_pay_cell.xml", want: &UserPayFromPayCellEvent{
		Envelope: ev("gh_e2243xxxxxxx", "oo2VNuOUuZGMxxxxxxxx", 1442390947, "user_pay_from_pay_cell"),
		CardID:   "po2VNuCuRo-8sxxxxxxxxxxx", UserCardCode: "38050000000", TransID: "10022403432015000000000",
		LocationID: 291710000, Fee: 10000, OriginalFee: 10000}},
	{file: "d39_card_pay_order.xml", want: &CardPayOrderEvent{Envelope: ev("gh_7223c83d4be5", "ob5E7s-HoN9tslQY3-0I4qmgluHk", 1453295737, "card_pay_order"),
		OrderID: "404091456", Status: "ORDER_STATUS_FINANCE_SUCC", CreateOrderTime: ts(1453295737), PayFinishTime: ts(0),
		FreeCoinCount: 200, OrderType: "ORDER_TYPE_SYS_ADD", Memo: "开通账户奖励"}},
	{file: "d40_pic_weixin_wecom.xml", want: &PicWeChatEvent{Envelope: wecomEnv(ev("wx45a0972125658be9", "xiaohe", 1502012364, "pic_weixin"), 1000004),
		EventKey: "faceSimilarity", Count: 2, Pictures: []Picture{{"aef52ae501537e552725c5d7f99c1741"}, {"c4564632a4fab91378c39bea6aad6f9e"}}}},
	{file: "d41_pic_photo_or_album.xml", want: &PicPhotoOrAlbumEvent{Envelope: ev("gh_a96a4a619366", "oMgHVjngRipVsoxg6TuX3vz6glDg", 1408090816, "pic_photo_or_album"),
		EventKey: "6", Count: 1, Pictures: []Picture{{"5a75aaca956d97be686719218f275c6b"}, {"5a75aaca956d97be686719218f275c6b"}}}},
	{file: "d42_shakearoundusershake.xml", want: &ShakearoundUserShakeEvent{Envelope: ev("toUser", "fromUser", 1433332012, "ShakearoundUserShake"),
		ChosenBeacon: Beacon{UUID: "uuid", Major: "major", Minor: "minor", Distance: 0.057},
		AroundBeacons: []Beacon{
			{UUID: "uuid", Major: "major", Minor: "minor", Distance: 166.816},
			{UUID: "uuid", Major: "major", Minor: "minor", Distance: 15.013},
		}}},
	{file: "d43_voice_message.xml", err: ErrSyntax},
	{file: "d44_text_message.xml", want: &TextMessage{Envelope: msg("gh_***", "opid***", 1551481349, "text", 22211872600753510), Content: " \x1dc"}},
	{file: "d45_user_enter_tempsession.xml", want: &UserEnterTempsessionEvent{Envelope: ev("toUser", "fromUser", 1482048670, "user_enter_tempsession"),
		SessionFrom: "sessionFrom"}},
	{file: "d46_wxa_media_check.xml", want: &WxaMediaCheckEvent{Envelope: ev("gh_6e306981e699", "oeaTy0Ej7xM_LexOCWGeJtL4ABoE", 1659967849, "wxa_media_check"),
		AppID: "wx12b4f63276b14d4c", TraceID: "62f11967-2b24d27a-34715985", Version: 2,
		Details: []MediaCheckDetail{{Strategy: "content_model", Suggest: "pass", Label: 100, Prob: 90}},
		ErrMsg:  "ok", Result: MediaCheckResult{Suggest: "pass", Label: 100}}},
	{file: "d47_weapp_audit_fail.xml", want: &WeappAuditFailEvent{Envelope: ev("gh_fb9688c2a4b2", "od1P50M-fNQI5Gcq-trm4a7apsU8", 1488856591, "weapp_audit_fail"),
		Reason:   `1:账号信息不符合规范:<br>(1):包含色情因素<br>2:服务类目"金融业-保险_"与你提交代码审核时设置的功能页面内容不一致:<br>(1):功能页面设置的部分标签不属于所选的服务类目范围。<br>(2):功能页面设置的部分标签与该页面内容不相关。<br>`,
		FailTime: ts(1488856591), ScreenShot: "xxx|yyy|zzz"}},
	{file: "d48_wxa_nickname_audit.xml", want: &WxaNicknameAuditEvent{Envelope: ev("gh_fxxxxxxxa4b2", "odxxxxM-xxxxxxxx-trm4a7apsU8", 1488800000, "wxa_nickname_audit"),
		Ret: 2, Nickname: "昵称", Reason: "驳回原因"}},
	{file: "d49_add_express_path.xml", want: &AddExpressPathEvent{Envelope: ev("toUser", "fromUser", 1546924844, "add_express_path"),
		DeliveryID: "SF", WayBillID: "123456789", OrderID: "123456", Version: 3, Count: 3,
		Actions: []ExpressAction{
			{ActionTime: ts(1546924840), ActionType: 100001, ActionMsg: "小哥A揽件成功"},
			{ActionTime: ts(1546924841), ActionType: 200001, ActionMsg: "到达广州集包地"},
			{ActionTime: ts(1546924842), ActionType: 200001, ActionMsg: "运往目的地"},
		}}},
	{file: "d50_user_authorization_revoke.xml", want: &UserAuthorizationRevokeEvent{
		Envelope: ev("gh_870882ca4b1", "owAqB1v0ahK_Xlc7GshIDdf2yf7E", 1626857200, "user_authorization_revoke"),
		OpenID:   "owAqB1nqaOYYWl0Ng484G2z5NIwU", AppID: "wx13974bf780d3dc89", RevokeInfo: "1"}},
	{file: "d51_giftcard_send_to_friend.xml", want: &GiftcardSendToFriendEvent{
		Envelope: ev("gh_3fcea188bf78", "obLatjgoYejavUtHsWwrX-2GtFJE", 1472631550, "giftcard_send_to_friend"),
		PageID:   "OQK0R3MaFnCm74Phw5hwFJlz5sn+jy1zzM2amDidDbU=", OrderID: "Z2y2rY74ksZX1ceuGA", IsChatRoom: true, IsReturnBack: true}},
	{file: "d52_submit_invoice_title.xml", want: &SubmitInvoiceTitleEvent{
		Envelope: ev("gh_fc0a06a20993", "oZI8Fj040-be6rlDohc6gkoPOQTQ", 1475134700, "submit_invoice_title"),
		Title:    "样例公司抬头", TaxNo: "1486715661", Addr: "abc", Phone: "13313331333", BankType: "bt", BankNo: "bn", Attach: "at",
		TitleType: "InvoiceUserTitleBusinessType"}},
	{file: "d53_device_event_bind.xml", want: &DeviceEvent{
		Envelope: Envelope{ToUserName: "toUser", FromUserName: "fromUser", CreateTime: ts(1348831860), MsgType: "device_event", Event: "bind", MsgID: 1234567890123456},
		OpenID:   "123", DeviceID: "123", DeviceType: "123", SessionID: "123", Content: "MTIz"}},
	// WeCom bodies: the shared event types cover what WeCom shares with the
	// 公众号, with the app in AgentID; WeCom's own events have types of their own.
	{file: "d54_wecom_subscribe.xml", want: &SubscribeEvent{Envelope: wecomEnv(ev("toUser", "UserID", 1348831860, "subscribe"), 1)}},
	{file: "d55_wecom_batch_job_result.xml", want: &BatchJobResultEvent{Envelope: ev("wx28dbb14e3720FAKE", "FromUser", 1425284517, "batch_job_result"),
		JobID: "jobid_S0MrnndvRG5fadSlLwiBqiDDbM143UqTmKP3152FZk4", JobType: "export_user", ErrCode: 0, ErrMsg: "ok"}},
	{file: "d56_wecom_open_approval_change.xml", want: &OpenApprovalChangeEvent{
		Envelope: wecomEnv(ev("wwd08c8e7c775abaaa", "sys", 1527838022, "open_approval_change"), 1),
		ThirdNo:  "201806010001", OpenSpName: "付款", OpenTemplateID: "1234567111", OpenSpStatus: 1, ApplyTime: ts(1527837645),
		ApplyUserName: "jackiejjwu", ApplyUserID: "WuJunJie", ApplyUserParty: "产品部", ApplyUserImage: "http://www.qq.com/xxx.png",
		ApprovalNodes: []OpenApprovalNode{{NodeStatus: 1, NodeAttr: 1, NodeType: 1, Items: []OpenApprovalItem{{
			ItemName: "chauvetxiao", ItemUserID: "XiaoWen", ItemParty: "产品部", ItemImage: "http://www.qq.com/xxx.png",
			ItemStatus: 1, ItemOpTime: ts(0)}}}},
		NotifyNodes: []OpenApprovalNotifyNode{{ItemName: "jinhuiguo", ItemUserID: "GuoJinHui", ItemParty: "行政部", ItemImage: "http://www.qq.com/xxx.png"}},
	}},
	{file: "d57_wecom_kf_msg_or_event.xml", want: &KfMsgOrEventEvent{Envelope: ev("ww12345678910", "", 1348831860, "kf_msg_or_event"),
		Token: "ENCApHxnGDNAVNY4AaSJKj4Tb5mwsEMzxhFmHVGcra996NR", OpenKfID: "wkxxxxxxx"}},
	{file: "d58_wecom_change_external_contact.xml", want: &MsgAuditApprovedEvent{Envelope: ev("toUser", "sys", 1403610513, "change_external_contact"),
		ChangeType: "msg_audit_approved", UserID: "zhangsan", ExternalUserID: "woAJ2GCAAABiuyujaWJHDDGi0mACHAAA", WelcomeCode: "WELCOMECODE"}},
	{file: "d59_wecom_change_external_contact_suite.xml", want: &AddExternalContactEvent{
		SuiteEnvelope: SuiteEnvelope{SuiteID: "ww4asffe99e54c0f4c", AuthCorpID: "wxf8b4f85f3a794e77", InfoType: "change_external_contact", TimeStamp: ts(1403610513)},
		ChangeType:    "add_external_contact", UserID: "zhangsan", ExternalUserID: "woAJ2GCAAAXtWyujaWJHDDGi0mACH71w", State: "teststate", WelcomeCode: "WELCOMECODE"}},
	{file: "d60_wecom_location.xml", want: &LocationEvent{Envelope: wecomEnv(ev("toUser", "FromUser", 123456789, "LOCATION"), 1),
		Latitude: 23.104, Longitude: 113.320, Precision: 65, AppType: "wxwork"}},
	{file: "d61_wecom_click.xml", want: &ClickEvent{Envelope: wecomEnv(ev("toUser", "FromUser", 123456789, "click"), 1), EventKey: "EVENTKEY"}},
	{file: "d62_wecom_book_meeting_room.xml", want: &BookMeetingRoomEvent{Envelope: ev("toUser", "fromUser", 1348831860, "book_meeting_room"),
		MeetingRoomID: 1, MeetingID: "mtebsada6e027c123cbafAAA"}},

	{file: "e01_text.xml", want: &TextMessage{Envelope: msg("toUser", "fromUser", 1348831860, "text", 1234567890123456), Content: "this is a test"}},
	{file: "e02_text.xml", want: &TextMessage{Envelope: msg("toUser", "fromUser", 1348831860, "text", 1234567890123456),
		Content: "this is a test", MsgDataID: "xxxx", Idx: "xxxx"}},
	{file: "e03_image.xml", want: &ImageMessage{Envelope: msg("toUser", "fromUser", 1348831860, "image", 1234567890123456),
		PicURL: "this is a url", MediaID: "media_id"}},
	{file: "e04_image.xml", want: &ImageMessage{Envelope: msg("gh_a96a4a619366", "olPjZjsXuQPJoV0HlruZkNzKc91E", 1358061658, "image", 5832830407062023950),
		PicURL: "http://mmsns.qpic.cn/mmsns/ZxBXNzgHyUqazGkXUvujSPxexzynJAicf440qkyLibBd1OEO4saJiavLQ/0"}},
	{file: "e05_voice.xml", want: &VoiceMessage{Envelope: msg("toUser", "fromUser", 1357290913, "voice", 1234567890123456),
		MediaID: "media_id", Format: "Format", Recognition: "Meow~"}},
	{file: "e06_video.xml", want: &VideoMessage{Envelope: msg("toUser", "fromUser", 1357290913, "video", 1234567890123456),
		MediaID: "media_id", ThumbMediaID: "thumb_media_id"}},
	{file: "e07_shortvideo.xml", want: &ShortVideoMessage{Envelope: msg("toUser", "fromUser", 1357290913, "shortvideo", 1234567890123456),
		MediaID: "media_id", ThumbMediaID: "thumb_media_id"}},
	{file: "e08_location.xml", want: &LocationMessage{Envelope: msg("toUser", "fromUser", 1351776360, "location", 1234567890123456),
		LocationX: 23.134521, LocationY: 113.358803, Scale: 20, Label: "位置信息"}},
	{file: "e09_link.xml", want: &LinkMessage{Envelope: msg("toUser", "fromUser", 1351776360, "link", 1234567890123456),
		Title: "公众平台官网链接", Description: "公众平台官网链接", URL: "url"}},
	{file: "e10_link_wecom.xml", want: &LinkMessage{Envelope: wecomEnv(msg("toUser", "fromUser", 1351776360, "link", 1234567890123456), 1),
		Title: "公众平台官网链接", Description: "公众平台官网链接", URL: "url", PicURL: "picurl"}},
	{file: "e11_file.xml", want: &FileMessage{Envelope: msg("", "", 1596098918, "file", 22850641670526495),
		Title: "2020-07-30", Description: "2.5 KB", FileTotalLen: 2515}},
}

func withMsgID(e Envelope, id int64) Envelope {
	e.MsgID = id
	return e
}

// fixturePath is where the fixture of a case is: under testdata/catalog, or,
// for a file named with its directory ("wecom/click.xml"), under testdata.
func fixturePath(file string) string {
	if strings.Contains(file, "/") {
		return filepath.Join("testdata", filepath.FromSlash(file))
	}
	return filepath.Join("testdata", "catalog", file)
}

func runCatalog(t *testing.T, cases []catalogCase) {
	t.Helper()
	for _, tc := range cases {
		t.Run(tc.file, func(t *testing.T) {
			body, err := os.ReadFile(fixturePath(tc.file))
			require.NoError(t, err)
			got, err := Parse(body)
			if tc.err != nil {
				require.ErrorIs(t, err, tc.err)
				assert.Nil(t, got)
				return
			}
			require.NoError(t, err)
			require.NotNil(t, got)
			if tc.check != nil {
				u, ok := got.(*UnknownEvent)
				require.Truef(t, ok, "parsed to %T, want *UnknownEvent", got)
				assert.Equal(t, body, u.Raw)
				tc.check(t, u)
				return
			}
			require.IsType(t, tc.want, got)
			assert.Equal(t, tc.want, got)
		})
	}
}

func TestCatalogSamples(t *testing.T) { runCatalog(t, catalogSamples) }

// TestCatalogFixturesAllListed keeps the fixture directory and the tables in
// step: a fixture nobody asserts is a fixture that proves nothing.
func TestCatalogFixturesAllListed(t *testing.T) {
	files, err := filepath.Glob(filepath.Join("testdata", "catalog", "*.xml"))
	require.NoError(t, err)
	require.NotEmpty(t, files)
	listed := map[string]bool{}
	for _, cases := range [][]catalogCase{catalogSamples, freshSamples} {
		for _, tc := range cases {
			assert.Falsef(t, listed[tc.file], "%s listed twice", tc.file)
			listed[tc.file] = true
		}
	}
	for _, f := range files {
		assert.Truef(t, listed[filepath.Base(f)], "%s has no test case", filepath.Base(f))
	}
	assert.Len(t, files, len(listed))
}

// fixtureKey is the registry key a parsed fixture was chosen by, found by
// looking its header up again in the default parser's registry.
func fixtureKey(e Event) string {
	env := e.Header()
	field := func(name string) string {
		if f := reflect.ValueOf(e).Elem().FieldByName(name); f.IsValid() && f.Kind() == reflect.String {
			return f.String()
		}
		return ""
	}
	h := header{msgType: env.MsgType, event: env.Event, infoType: field("InfoType"), eventKey: field("EventKey"),
		changeType: field("ChangeType"), updateDetail: field("UpdateDetail")}
	r := defaultParser.reg.Load()
	found, err := r.lookup(&h)
	if err != nil || found == nil {
		return "unregistered " + env.MsgType + "/" + env.Event
	}
	for ns := range r.tables {
		for key, e := range r.tables[ns].byKey {
			if e == found {
				return namespace(ns).String() + "/" + key
			}
		}
	}
	return "unregistered"
}

// TestEveryRegistrationHasFixture: every built-in key has a fixture that
// decodes to its registered type.
func TestEveryRegistrationHasFixture(t *testing.T) {
	covered := map[string]string{}
	for _, cases := range [][]catalogCase{catalogSamples, freshSamples, channelsSamples, allWeComSamples(), suitePushSamples} {
		for _, tc := range cases {
			if tc.want == nil {
				continue
			}
			covered[fixtureKey(tc.want)] = reflect.TypeOf(tc.want).Elem().Name()
		}
	}
	for key, typ := range registryRows() {
		got, ok := covered[key]
		if assert.Truef(t, ok, "no fixture for %s (%s)", key, typ) {
			assert.Equalf(t, typ, got, "the fixture for %s expects another type", key)
		}
	}
}
