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

// catalogCase is one fixture under testdata/<platform> and what it must parse to.
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

// catalogSamples are real samples, from WeChat's documentation and the test
// suites of other projects, stored verbatim.
var catalogSamples = []catalogCase{
	{file: "mp/subscribe.2.xml", want: &SubscribeEvent{Envelope: ev("toUser", "FromUser", 123456789, "subscribe")}},
	{file: "mp/subscribe_scan.2.xml", want: &SubscribeScanEvent{Envelope: ev("toUser", "FromUser", 123456789, "subscribe"),
		EventKey: "qrscene_123123", SceneID: "123123", Ticket: "TICKET"}},
	{file: "mp/subscribe.3.xml", want: &SubscribeEvent{Envelope: ev("gh_a96a4a619366", "olPjZjsXuQPJoV0HlruZkNzKc91E", 1364447046, "subscribe")}},
	{file: "mp/subscribe.4.xml", want: &SubscribeEvent{Envelope: ev("toUser", "FromUser", 123456789, "subscribe"),
		EventKey: "last_trade_no_4008072001201701105817415015"}},
	{file: "mp/subscribe_scan_product.2.xml", want: &SubscribeScanProductEvent{Envelope: ev("gh_fbe8a958756e", "otAzGjrS4AYCmeJM1GhEOcHXXTAo", 1433259128, "subscribe"),
		EventKey: "scanbarcode|keystandard|keystr", Scene: "scanbarcode", KeyStandard: "keystandard", KeyStr: "keystr"}},
	{file: "mp/unsubscribe.2.xml", want: &UnsubscribeEvent{Envelope: ev("toUser", "fromUser", 123456789, "unsubscribe")}},
	{file: "mp/scan.2.xml", want: &ScanEvent{Envelope: ev("toUser", "FromUser", 123456789, "SCAN"),
		EventKey: "SCENE_VALUE", SceneID: "SCENE_VALUE", Ticket: "TICKET"}},
	{file: "mp/location.2.xml", want: &LocationEvent{Envelope: ev("toUser", "fromUser", 123456789, "LOCATION"),
		Latitude: 23.137466, Longitude: 113.352425, Precision: 119.385040}},
	{file: "mp/click.2.xml", want: &ClickEvent{Envelope: ev("toUser", "fromUser", 123456789, "CLICK"), EventKey: "EVENTKEY"}},
	{file: "mp/view.2.xml", want: &ViewEvent{Envelope: ev("toUser", "FromUser", 123456789, "VIEW"), EventKey: "www.qq.com", MenuID: "MENUID"}},
	{file: "mp/view_miniprogram.xml", want: &ViewMiniProgramEvent{Envelope: ev("toUser", "FromUser", 123456789, "view_miniprogram"),
		EventKey: "pages/index/index", MenuID: "MENUID"}},
	{file: "mp/scancode_push.2.xml", want: &ScanCodePushEvent{Envelope: ev("gh_e136c6e50636", "oMgHVjngRipVsoxg6TuX3vz6glDg", 1408090502, "scancode_push"),
		EventKey: "6", ScanType: "qrcode", ScanResult: "1"}},
	{file: "mp/scancode_waitmsg.2.xml", want: &ScanCodeWaitMsgEvent{Envelope: ev("toUser", "FromUser", 123456789, "scancode_waitmsg"),
		EventKey: "EVENTKEY", ScanType: "qrcode", ScanResult: "www.qq.com"}},
	{file: "mp/pic_sysphoto.2.xml", want: &PicSysPhotoEvent{Envelope: ev("gh_e136c6e50636", "oMgHVjngRipVsoxg6TuX3vz6glDg", 1408090651, "pic_sysphoto"),
		EventKey: "6", Count: 1, Pictures: []Picture{{"1b5f7c23b5bf75682a53e7b6d163e185"}}}},
	{file: "mp/pic_sysphoto.3.xml", want: &PicSysPhotoEvent{Envelope: ev("gh_e136c6e50636", "oMgHVjngRipVsoxg6TuX3vz6glDg", 1408090651, "pic_sysphoto"),
		EventKey: "6", Count: 2, Pictures: []Picture{{"1b5f7c23b5bf75682a53e7b6d163e185"}, {"233"}}}},
	{file: "mp/pic_photo_or_album.2.xml", want: &PicPhotoOrAlbumEvent{Envelope: ev("gh_e136c6e50636", "oMgHVjngRipVsoxg6TuX3vz6glDg", 1408090816, "pic_photo_or_album"),
		EventKey: "6", Count: 1, Pictures: []Picture{{"5a75aaca956d97be686719218f275c6b"}}}},
	{file: "mp/pic_weixin.2.xml", want: &PicWeChatEvent{Envelope: ev("gh_e136c6e50636", "oMgHVjngRipVsoxg6TuX3vz6glDg", 1408090816, "pic_weixin"),
		EventKey: "6", Count: 1, Pictures: []Picture{{"5a75aaca956d97be686719218f275c6b"}}}},
	{file: "mp/location_select.2.xml", want: &LocationSelectEvent{Envelope: ev("gh_e136c6e50636", "oMgHVjngRipVsoxg6TuX3vz6glDg", 1408091189, "location_select"),
		EventKey: "6", LocationX: 23, LocationY: 113, Scale: 15, Label: " 广州市海珠区客村艺苑路 106号"}},
	{file: "mp/masssendjobfinish.2.xml", want: &MassSendJobFinishEvent{
		Envelope: withMsgID(ev("gh_4d00ed8d6399", "oV5CrjpxgaGXNHIQigzNlgLTnwic", 1481013459, "MASSSENDJOBFINISH"), 1000001625),
		Status:   "err(30003)",
		CopyrightCheckResult: CopyrightCheckResult{Count: 2, CheckState: 2, ResultList: []CopyrightCheckItem{
			{ArticleIdx: 1, AuditState: 2, OriginalArticleURL: "Url_1", OriginalArticleType: 1, CanReprint: 1, NeedReplaceContent: 1, NeedShowReprintSource: 1},
			{ArticleIdx: 2, AuditState: 2, OriginalArticleURL: "Url_2", OriginalArticleType: 1, CanReprint: 1, NeedReplaceContent: 1, NeedShowReprintSource: 1},
		}},
		ArticleURLResult: ArticleURLResult{Count: 1, ResultList: []ArticleURLItem{{ArticleIdx: 1, ArticleURL: "Url"}}},
	}},
	{file: "mp/masssendjobfinish.3.xml", want: &MassSendJobFinishEvent{
		Envelope: withMsgID(ev("gh_a96a4a619366", "oR5Gjjl_eiZoUpGozMo7dbBJ362A", 1394524295, "MASSSENDJOBFINISH"), 1988),
		Status:   "sendsuccess", TotalCount: 100, FilterCount: 80, SentCount: 75, ErrorCount: 5}},
	{file: "mp/templatesendjobfinish.2.xml", want: &TemplateSendJobFinishEvent{
		Envelope: withMsgID(ev("touser", "fromuser", 1395658920, "TEMPLATESENDJOBFINISH"), 200163836), Status: "success"}},
	{file: "mp/templatesendjobfinish.3.xml", want: &TemplateSendJobFinishEvent{
		Envelope: withMsgID(ev("gh_7f083739789a", "oia2TjuEGTNoeX76QEjQNrcURxG8", 1395658984, "TEMPLATESENDJOBFINISH"), 200163840), Status: "failed: system failed"}},
	{file: "mp/publishjobfinish.xml", want: &PublishJobFinishEvent{Envelope: ev("gh_4d00ed8d6399", "oV5CrjpxgaGXNHIQigzNlgLTnwic", 1481013459, "PUBLISHJOBFINISH"),
		PublishID: 2247503051, PublishStatus: 0, ArticleID: "b5O2OUs25HBxRceL7hfReg-U9QGeq9zQjiDvy\nWP4Hq4",
		ArticleDetail: PublishArticleDetail{Count: 1, Items: []PublishArticle{{Idx: 1, ArticleURL: "ARTICLE_URL"}}}}},
	{file: "mp/publishjobfinish.2.xml", want: &PublishJobFinishEvent{Envelope: ev("gh_4d00ed8d6399", "oV5CrjpxgaGXNHIQigzNlgLTnwic", 1481013459, "PUBLISHJOBFINISH"),
		PublishID: 2247503051, PublishStatus: 2, FailIdx: []int{1, 2}}},
	{file: "mp/user_scan_product_verify_action.2.xml", want: &UserScanProductVerifyActionEvent{
		Envelope:    ev("gh_404e58ec528e", "od_ikt8qi21-hVTtYgm8xSfTLH5w", 1450429257, "user_scan_product_verify_action"),
		KeyStandard: "ean13", KeyStr: "6901481811083", Result: "verify_ok"}},
	{file: "mp/card_pass_check.xml", want: &CardPassCheckEvent{Envelope: ev("toUser", "FromUser", 123456789, "card_pass_check"),
		CardID: "cardid", RefuseReason: "非法代制"}},
	{file: "mp/subscribe_msg_popup_event.xml", want: &SubscribeMsgPopupEvent{
		Envelope: ev("gh_123456789abc", "otFpruAK8D-E6EfStSYonYSBZ8_4", 1610969440, "subscribe_msg_popup_event"),
		List: []SubscribeMsgPopupItem{
			{TemplateID: "VRR0UEO9VJOLs0MHlU0OilqX6MVFDwH3_3gz3Oc0NIc", SubscribeStatusString: "accept", PopupScene: 2},
			{TemplateID: "9nLIlbOQZC5Y89AZteFEux3WCXRRRG5Wfzkpssu4bLI", SubscribeStatusString: "reject", PopupScene: 2},
		}}},
	{file: "mp/subscribe_msg_change_event.xml", want: &SubscribeMsgChangeEvent{
		Envelope: ev("gh_123456789abc", "otFpruAK8D-E6EfStSYonYSBZ8_4", 1610969440, "subscribe_msg_change_event"),
		List:     []SubscribeMsgChangeItem{{TemplateID: "VRR0UEO9VJOLs0MHlU0OilqX6MVFDwH3_3gz3Oc0NIc", SubscribeStatusString: "reject"}}}},
	{file: "mp/subscribe_msg_sent_event.xml", want: &SubscribeMsgSentEvent{
		Envelope: ev("gh_123456789abc", "otFpruAK8D-E6EfStSYonYSBZ8_4", 1610969468, "subscribe_msg_sent_event"),
		List: []SubscribeMsgSentItem{{TemplateID: "VRR0UEO9VJOLs0MHlU0OilqX6MVFDwH3_3gz3Oc0NIc",
			MsgID: 1700827132819554304, ErrorCode: 0, ErrorStatus: "success"}}}},
	// The official sample lost the "<" of every CDATA: the text is kept literally.
	{file: "mp/guide_qrcode_scan_event.xml", want: &GuideQrcodeScanEvent{Envelope: ev("toUser", "fromUser", 1546924844, "guide_qrcode_scan_event"),
		QrcodeGuideAccount: "![CDATA[xxx]]", QrcodeGuideOpenID: "![CDATA[xxx]]", OpenID: "![CDATA[xxx]]", Action: 11, QrcodeInfo: "![CDATA[xxx]]"}},
	{file: "mp/qualification_verify_success.2.xml", want: &QualificationVerifySuccessEvent{
		Envelope: ev("toUser", "FromUser", 1442401156, "qualification_verify_success"), ExpiredTime: ts(1442401156)}},
	{file: "mp/qualification_verify_fail.2.xml", want: &QualificationVerifyFailEvent{
		Envelope: ev("toUser", "FromUser", 1442401156, "qualification_verify_fail"), FailTime: ts(1442401122), FailReason: "by time"}},
	{file: "mp/verify_expired.2.xml", want: &VerifyExpiredEvent{
		Envelope: ev("toUser", "FromUser", 1442400900, "verify_expired"), ExpiredTime: ts(1442400900)}},
	{file: "mp/user_scan_product.2.xml", want: &UserScanProductEvent{
		Envelope:    ev("gh_4e47c9c9ecad", "okkeXs1nI-xU4ql8-5BXkv1f0gDo", 1438250110, "user_scan_product"),
		KeyStandard: "ean13", KeyStr: "6901481811083", Country: "中国", Province: "广东", City: "揭阳", Sex: 1, Scene: 2, ExtInfo: "123"}},
	{file: "mp/user_scan_product_async.2.xml", want: &UserScanProductAsyncEvent{
		Envelope:    ev("gh_fbe8a958756e", "otAzGjrS4AYCmeJM1GhEOcHXXTAo", 1434541327, "user_scan_product_async"),
		KeyStandard: "qrcode", KeyStr: "lincolntest2", ExtInfo: "123", RegionCode: "440105"}},
	{file: "mp/kf_switch_session.xml", want: &KfSwitchSessionEvent{Envelope: ev("touser", "fromuser", 1399197672, "kf_switch_session"),
		FromKfAccount: "test1@test", ToKfAccount: "test2@test"}},
	{file: "mp/user_get_card.xml", want: &UserGetCardEvent{Envelope: ev("gh_fc0a06a20993", "oZI8Fj040-be6rlDohc6gkoPOQTQ", 1472551036, "user_get_card"),
		CardID: "pZI8Fjwsy5fVPRBeD78J4RmqVvBc", UserCardCode: "226009850808", OuterStr: "12b", UnionID: "o6_bmasdasdsad6_2sgVt7hMZOPfL"}},
	{file: "mp/user_pay_from_pay_cell.xml", want: &UserPayFromPayCellEvent{
		Envelope: ev("gh_e2243xxxxxxx", "oo2VNuOUuZGMxxxxxxxx", 1442390947, "user_pay_from_pay_cell"),
		CardID:   "po2VNuCuRo-8sxxxxxxxxxxx", UserCardCode: "38050000000", TransID: "10022403432015000000000",
		LocationID: 291710000, Fee: 10000, OriginalFee: 10000}},
	{file: "mp/card_pay_order.xml", want: &CardPayOrderEvent{Envelope: ev("gh_7223c83d4be5", "ob5E7s-HoN9tslQY3-0I4qmgluHk", 1453295737, "card_pay_order"),
		OrderID: "404091456", Status: "ORDER_STATUS_FINANCE_SUCC", CreateOrderTime: ts(1453295737), PayFinishTime: ts(0),
		FreeCoinCount: 200, OrderType: "ORDER_TYPE_SYS_ADD", Memo: "开通账户奖励"}},
	{file: "mp/pic_weixin.wecom.xml", want: &PicWeChatEvent{Envelope: wecomEnv(ev("wx45a0972125658be9", "xiaohe", 1502012364, "pic_weixin"), 1000004),
		EventKey: "faceSimilarity", Count: 2, Pictures: []Picture{{"aef52ae501537e552725c5d7f99c1741"}, {"c4564632a4fab91378c39bea6aad6f9e"}}}},
	{file: "mp/pic_photo_or_album.3.xml", want: &PicPhotoOrAlbumEvent{Envelope: ev("gh_a96a4a619366", "oMgHVjngRipVsoxg6TuX3vz6glDg", 1408090816, "pic_photo_or_album"),
		EventKey: "6", Count: 1, Pictures: []Picture{{"5a75aaca956d97be686719218f275c6b"}, {"5a75aaca956d97be686719218f275c6b"}}}},
	{file: "mp/shakearoundusershake.xml", want: &ShakearoundUserShakeEvent{Envelope: ev("toUser", "fromUser", 1433332012, "ShakearoundUserShake"),
		ChosenBeacon: Beacon{UUID: "uuid", Major: "major", Minor: "minor", Distance: 0.057},
		AroundBeacons: []Beacon{
			{UUID: "uuid", Major: "major", Minor: "minor", Distance: 166.816},
			{UUID: "uuid", Major: "major", Minor: "minor", Distance: 15.013},
		}}},
	{file: "mp/voice.malformed.xml", err: ErrSyntax},
	{file: "mp/text.message.xml", want: &TextMessage{Envelope: msg("gh_***", "opid***", 1551481349, "text", 22211872600753510), Content: " \x1dc"}},
	{file: "miniprogram/user_enter_tempsession.xml", want: &UserEnterTempSessionEvent{Envelope: ev("toUser", "fromUser", 1482048670, "user_enter_tempsession"),
		SessionFrom: "sessionFrom"}},
	{file: "miniprogram/wxa_media_check.xml", want: &WxaMediaCheckEvent{Envelope: ev("gh_6e306981e699", "oeaTy0Ej7xM_LexOCWGeJtL4ABoE", 1659967849, "wxa_media_check"),
		AppID: "wx12b4f63276b14d4c", TraceID: "62f11967-2b24d27a-34715985", Version: 2,
		Details: []MediaCheckDetail{{Strategy: "content_model", Suggest: "pass", Label: 100, Prob: 90}},
		ErrMsg:  "ok", Result: MediaCheckResult{Suggest: "pass", Label: 100}}},
	{file: "miniprogram/weapp_audit_fail.xml", want: &WeappAuditFailEvent{Envelope: ev("gh_fb9688c2a4b2", "od1P50M-fNQI5Gcq-trm4a7apsU8", 1488856591, "weapp_audit_fail"),
		Reason:   `1:账号信息不符合规范:<br>(1):包含色情因素<br>2:服务类目"金融业-保险_"与你提交代码审核时设置的功能页面内容不一致:<br>(1):功能页面设置的部分标签不属于所选的服务类目范围。<br>(2):功能页面设置的部分标签与该页面内容不相关。<br>`,
		FailTime: ts(1488856591), ScreenShot: "xxx|yyy|zzz"}},
	{file: "miniprogram/wxa_nickname_audit.xml", want: &WxaNicknameAuditEvent{Envelope: ev("gh_fxxxxxxxa4b2", "odxxxxM-xxxxxxxx-trm4a7apsU8", 1488800000, "wxa_nickname_audit"),
		Ret: 2, Nickname: "昵称", Reason: "驳回原因"}},
	{file: "miniprogram/add_express_path.xml", want: &AddExpressPathEvent{Envelope: ev("toUser", "fromUser", 1546924844, "add_express_path"),
		DeliveryID: "SF", WayBillID: "123456789", OrderID: "123456", Version: 3, Count: 3,
		Actions: []ExpressAction{
			{ActionTime: ts(1546924840), ActionType: 100001, ActionMsg: "小哥A揽件成功"},
			{ActionTime: ts(1546924841), ActionType: 200001, ActionMsg: "到达广州集包地"},
			{ActionTime: ts(1546924842), ActionType: 200001, ActionMsg: "运往目的地"},
		}}},
	{file: "mp/user_authorization_revoke.xml", want: &UserAuthorizationRevokeEvent{
		Envelope: ev("gh_870882ca4b1", "owAqB1v0ahK_Xlc7GshIDdf2yf7E", 1626857200, "user_authorization_revoke"),
		OpenID:   "owAqB1nqaOYYWl0Ng484G2z5NIwU", AppID: "wx13974bf780d3dc89", RevokeInfo: "1"}},
	{file: "mp/giftcard_send_to_friend.xml", want: &GiftcardSendToFriendEvent{
		Envelope: ev("gh_3fcea188bf78", "obLatjgoYejavUtHsWwrX-2GtFJE", 1472631550, "giftcard_send_to_friend"),
		PageID:   "OQK0R3MaFnCm74Phw5hwFJlz5sn+jy1zzM2amDidDbU=", OrderID: "Z2y2rY74ksZX1ceuGA", IsChatRoom: true, IsReturnBack: true}},
	{file: "mp/submit_invoice_title.xml", want: &SubmitInvoiceTitleEvent{
		Envelope: ev("gh_fc0a06a20993", "oZI8Fj040-be6rlDohc6gkoPOQTQ", 1475134700, "submit_invoice_title"),
		Title:    "样例公司抬头", TaxNo: "1486715661", Addr: "abc", Phone: "13313331333", BankType: "bt", BankNo: "bn", Attach: "at",
		TitleType: "InvoiceUserTitleBusinessType"}},
	{file: "mp/device_event.bind.xml", want: &DeviceEvent{
		Envelope: Envelope{ToUserName: "toUser", FromUserName: "fromUser", CreateTime: ts(1348831860), MsgType: "device_event", Event: "bind", MsgID: 1234567890123456},
		OpenID:   "123", DeviceID: "123", DeviceType: "123", SessionID: "123", Content: "MTIz"}},
	// WeCom bodies: the shared event types cover what WeCom shares with the
	// 公众号, with the app in AgentID; WeCom's own events have types of their own.
	{file: "mp/subscribe.wecom.xml", want: &SubscribeEvent{Envelope: wecomEnv(ev("toUser", "UserID", 1348831860, "subscribe"), 1)}},
	{file: "wecom/batch_job_result.sample.xml", want: &BatchJobResultEvent{Envelope: ev("wx28dbb14e3720FAKE", "FromUser", 1425284517, "batch_job_result"),
		JobID: "jobid_S0MrnndvRG5fadSlLwiBqiDDbM143UqTmKP3152FZk4", JobType: "export_user", ErrCode: 0, ErrMsg: "ok"}},
	{file: "wecom/open_approval_change.sample.xml", want: &OpenApprovalChangeEvent{
		Envelope: wecomEnv(ev("wwd08c8e7c775abaaa", "sys", 1527838022, "open_approval_change"), 1),
		ThirdNo:  "201806010001", OpenSpName: "付款", OpenTemplateID: "1234567111", OpenSpStatus: 1, ApplyTime: ts(1527837645),
		ApplyUserName: "jackiejjwu", ApplyUserID: "WuJunJie", ApplyUserParty: "产品部", ApplyUserImage: "http://www.qq.com/xxx.png",
		ApprovalNodes: []OpenApprovalNode{{NodeStatus: 1, NodeAttr: 1, NodeType: 1, Items: []OpenApprovalItem{{
			ItemName: "chauvetxiao", ItemUserID: "XiaoWen", ItemParty: "产品部", ItemImage: "http://www.qq.com/xxx.png",
			ItemStatus: 1, ItemOpTime: ts(0)}}}},
		NotifyNodes: []OpenApprovalNotifyNode{{ItemName: "jinhuiguo", ItemUserID: "GuoJinHui", ItemParty: "行政部", ItemImage: "http://www.qq.com/xxx.png"}},
	}},
	{file: "wecom/kf_msg_or_event.sample.xml", want: &KfMsgOrEventEvent{Envelope: ev("ww12345678910", "", 1348831860, "kf_msg_or_event"),
		Token: "ENCApHxnGDNAVNY4AaSJKj4Tb5mwsEMzxhFmHVGcra996NR", OpenKfID: "wkxxxxxxx"}},
	{file: "wecom/change_external_contact.msg_audit_approved.sample.xml", want: &MsgAuditApprovedEvent{Envelope: ev("toUser", "sys", 1403610513, "change_external_contact"),
		ChangeType: "msg_audit_approved", UserID: "zhangsan", ExternalUserID: "woAJ2GCAAABiuyujaWJHDDGi0mACHAAA", WelcomeCode: "WELCOMECODE"}},
	{file: "wecom/change_external_contact.add_external_contact.suite.sample.xml", want: &AddExternalContactEvent{
		SuiteEnvelope: SuiteEnvelope{SuiteID: "ww4asffe99e54c0f4c", AuthCorpID: "wxf8b4f85f3a794e77", InfoType: "change_external_contact", TimeStamp: ts(1403610513)},
		ChangeType:    "add_external_contact", UserID: "zhangsan", ExternalUserID: "woAJ2GCAAAXtWyujaWJHDDGi0mACH71w", State: "teststate", WelcomeCode: "WELCOMECODE"}},
	{file: "mp/location.wecom.xml", want: &LocationEvent{Envelope: wecomEnv(ev("toUser", "FromUser", 123456789, "LOCATION"), 1),
		Latitude: 23.104, Longitude: 113.320, Precision: 65, AppType: "wxwork"}},
	{file: "mp/click.wecom.xml", want: &ClickEvent{Envelope: wecomEnv(ev("toUser", "FromUser", 123456789, "click"), 1), EventKey: "EVENTKEY"}},
	{file: "wecom/book_meeting_room.sample.xml", want: &BookMeetingRoomEvent{Envelope: ev("toUser", "fromUser", 1348831860, "book_meeting_room"),
		MeetingRoomID: 1, MeetingID: "mtebsada6e027c123cbafAAA"}},

	{file: "mp/text.2.xml", want: &TextMessage{Envelope: msg("toUser", "fromUser", 1348831860, "text", 1234567890123456), Content: "this is a test"}},
	{file: "mp/text.3.xml", want: &TextMessage{Envelope: msg("toUser", "fromUser", 1348831860, "text", 1234567890123456),
		Content: "this is a test", MsgDataID: "xxxx", Idx: "xxxx"}},
	{file: "mp/image.2.xml", want: &ImageMessage{Envelope: msg("toUser", "fromUser", 1348831860, "image", 1234567890123456),
		PicURL: "this is a url", MediaID: "media_id"}},
	{file: "mp/image.3.xml", want: &ImageMessage{Envelope: msg("gh_a96a4a619366", "olPjZjsXuQPJoV0HlruZkNzKc91E", 1358061658, "image", 5832830407062023950),
		PicURL: "http://mmsns.qpic.cn/mmsns/ZxBXNzgHyUqazGkXUvujSPxexzynJAicf440qkyLibBd1OEO4saJiavLQ/0"}},
	{file: "mp/voice.2.xml", want: &VoiceMessage{Envelope: msg("toUser", "fromUser", 1357290913, "voice", 1234567890123456),
		MediaID: "media_id", Format: "Format", Recognition: "Meow~"}},
	{file: "mp/video.2.xml", want: &VideoMessage{Envelope: msg("toUser", "fromUser", 1357290913, "video", 1234567890123456),
		MediaID: "media_id", ThumbMediaID: "thumb_media_id"}},
	{file: "mp/shortvideo.2.xml", want: &ShortVideoMessage{Envelope: msg("toUser", "fromUser", 1357290913, "shortvideo", 1234567890123456),
		MediaID: "media_id", ThumbMediaID: "thumb_media_id"}},
	{file: "mp/location.3.xml", want: &LocationMessage{Envelope: msg("toUser", "fromUser", 1351776360, "location", 1234567890123456),
		LocationX: 23.134521, LocationY: 113.358803, Scale: 20, Label: "位置信息"}},
	{file: "mp/link.2.xml", want: &LinkMessage{Envelope: msg("toUser", "fromUser", 1351776360, "link", 1234567890123456),
		Title: "公众平台官网链接", Description: "公众平台官网链接", URL: "url"}},
	{file: "mp/link.wecom.xml", want: &LinkMessage{Envelope: wecomEnv(msg("toUser", "fromUser", 1351776360, "link", 1234567890123456), 1),
		Title: "公众平台官网链接", Description: "公众平台官网链接", URL: "url", PicURL: "picurl"}},
	{file: "mp/file.xml", want: &FileMessage{Envelope: msg("", "", 1596098918, "file", 22850641670526495),
		Title: "2020-07-30", Description: "2.5 KB", FileTotalLen: 2515}},
}

func withMsgID(e Envelope, id int64) Envelope {
	e.MsgID = id
	return e
}

// fixturePath is where the fixture of a case is: file names its platform
// directory under testdata ("mp/click.xml").
func fixturePath(file string) string { return filepath.Join("testdata", filepath.FromSlash(file)) }

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

// fixtureDirs are the platform directories of testdata, each holding
// fixtures named <wire_key>[.<variant>].<xml|json>, where a sub-key's "/" is
// written ".": change_contact.create_user.suite.xml.
func fixtureFiles(t *testing.T) []string {
	t.Helper()
	var files []string
	for _, dir := range []string{"mp", "miniprogram", "open", "wecom", "channels"} {
		for _, ext := range []string{"xml", "json"} {
			f, err := filepath.Glob(filepath.Join("testdata", dir, "*."+ext))
			require.NoError(t, err)
			files = append(files, f...)
		}
	}
	require.Greater(t, len(files), 400)
	return files
}

// registeredKey returns the longest registered key that the file name base
// starts with, followed by its end, "." or "_", with "." read as "/".
func registeredKey(base string) string {
	keys := map[string]bool{}
	for key := range registryRows() {
		_, k, _ := strings.Cut(key, "/")
		keys[k] = true
	}
	best := ""
	for k := range keys {
		dotted := strings.ReplaceAll(k, "/", ".")
		name := strings.ToLower(base)
		if strings.HasPrefix(name, dotted) && len(dotted) > len(best) &&
			(len(name) == len(dotted) || name[len(dotted)] == '.' || name[len(dotted)] == '_') {
			best = k
		}
	}
	return best
}

// TestFixtures is the one runner of every fixture: a file parses to the type
// registered for the key its name starts with, dispatch chose exactly that
// key, and every element of the file is modelled by a field holding its
// value (assertFixtureFields); a file named after no registered key is an
// UnknownEvent; a ".malformed" variant is refused with ErrSyntax. The tables
// of this file and of the platform tests add whole expected values.
func TestFixtures(t *testing.T) {
	for _, path := range fixtureFiles(t) {
		rel, _ := filepath.Rel("testdata", path)
		t.Run(filepath.ToSlash(rel), func(t *testing.T) {
			body, err := os.ReadFile(path)
			require.NoError(t, err)
			base := strings.TrimSuffix(filepath.Base(path), filepath.Ext(path))
			ev, err := Parse(body)
			if strings.Contains(base, ".malformed") {
				assert.ErrorIs(t, err, ErrSyntax)
				return
			}
			require.NoError(t, err)
			name, ns := fixtureName(base)
			key := registeredKey(name)
			if key == "" {
				assert.IsType(t, &UnknownEvent{}, ev, "no key is registered for %s", base)
				return
			}
			gotNS, got, _ := strings.Cut(fixtureKey(ev), "/")
			assert.Equal(t, key, got, "%s was dispatched as %T", base, ev)
			if ns != "" {
				assert.Equal(t, ns, gotNS, "%s was dispatched as %T", base, ev)
			}
			assertFixtureFields(t, filepath.ToSlash(rel), body, ev)
		})
	}
}

// fixtureName is the part of a fixture's base name that names its key, and
// the namespace the name requires, if any: the WeCom AI bot's fixtures are
// aibot.<key>, of the bot's own namespace.
func fixtureName(base string) (name, ns string) {
	if rest, bot := strings.CutPrefix(base, "aibot."); bot {
		return rest, nsBot.String()
	}
	return base, ""
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
	if _, bot := reflect.TypeOf(e).Elem().FieldByName("AIBotEnvelope"); bot {
		h = header{botMsgType: env.MsgType, botEventType: env.Event} // the AI bot's keys, which Envelope also reads
	}
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

// typedFixture is a fixture file that parses to a registered type.
type typedFixture struct {
	path string
	body []byte
	ev   Event
}

// typedFixtures returns every fixture that parses to a registered type.
func typedFixtures(t *testing.T) []typedFixture {
	t.Helper()
	var out []typedFixture
	for _, path := range fixtureFiles(t) {
		body, err := os.ReadFile(path)
		require.NoError(t, err)
		ev, err := Parse(body)
		if err != nil {
			continue
		}
		if _, ok := ev.(*UnknownEvent); ok {
			continue
		}
		out = append(out, typedFixture{path, body, ev})
	}
	require.NotEmpty(t, out)
	return out
}

// TestEveryRegistrationHasFixture: every built-in key has a fixture file,
// named after the key, that dispatches to exactly that key and the type
// registered for it. TestFixtures checks every field that file carries; the
// tables add deeper checks of their own.
func TestEveryRegistrationHasFixture(t *testing.T) {
	covered := map[string]map[string]bool{} // registry key -> the types its fixtures parsed to
	for _, f := range typedFixtures(t) {
		path, ev := f.path, f.ev
		key := fixtureKey(ev)
		_, k, _ := strings.Cut(key, "/")
		if name, _ := fixtureName(strings.TrimSuffix(filepath.Base(path), filepath.Ext(path))); registeredKey(name) != k {
			continue // named after another key: TestFixtures reports it
		}
		if covered[key] == nil {
			covered[key] = map[string]bool{}
		}
		covered[key][reflect.TypeOf(ev).Elem().Name()] = true
	}
	for key, typ := range registryRows() {
		types, ok := covered[key]
		if assert.Truef(t, ok, "no fixture dispatches to %s (%s): add one under testdata/<platform>, named after the key", key, typ) {
			assert.Truef(t, types[typ], "the fixtures of %s parse to %v, not to %s", key, types, typ)
		}
	}
}

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

// platformHead is the PlatformHeader of a 开放平台 fixture of infoType.
func platformHead(infoType string) PlatformHeader {
	return PlatformHeader{AppID: platformAppID, InfoType: infoType}
}

var companyInfo = FastRegisterInfo{Name: "某某科技有限公司", Code: "91440300MA5EXAMPLE", CodeType: 1,
	LegalPersonaWechat: "legal_wx", LegalPersonaName: "张三", ComponentPhone: "13800000000"}

var freshSamples = []catalogCase{
	{file: "mp/kf_create_session.xml", want: &KfCreateSessionEvent{Envelope: fev("kf_create_session"), KfAccount: "agent1@gh_test"}},
	{file: "mp/kf_close_session.xml", want: &KfCloseSessionEvent{Envelope: fev("kf_close_session"), KfAccount: "agent2@gh_test"}},
	{file: "mp/user_authorize_invoice.xml", want: &UserAuthorizeInvoiceEvent{Envelope: fev("user_authorize_invoice"),
		SuccOrderID: "1202933957956", AppID: "wx4a1b2c3d4e5f6a7b", Source: "web"}},
	{file: "mp/update_invoice_status.xml", want: &UpdateInvoiceStatusEvent{Envelope: fev("update_invoice_status"),
		Status: "INVOICE_REIMBURSE_LOCK", CardID: "pjZ8Yt1XGILfmF-uHDrxW4WGZyHs", Code: "030107"}},
	{file: "mp/cloud_invoice_invoiceresult_event.xml", want: &CloudInvoiceInvoiceResultEvent{Envelope: fev("cloud_invoice_invoiceresult_event"),
		Fpqqlsh: "5a1d2c3b", Status: 1, Nsrsbh: "110109500321654"}},
	{file: "mp/merchant_order.xml", want: &MerchantOrderEvent{Envelope: fev("merchant_order"),
		OrderID: "7197417460812584720", OrderStatus: 2, ProductID: "p8BCTv77lYj4xkUqpZjE8AF1ez4e", SkuInfo: "10001:1000012;10002:100021"}},
	{file: "mp/poi_check_notify.xml", want: &PoiCheckNotifyEvent{Envelope: fev("poi_check_notify"),
		UniqID: "123adb", PoiID: "463558057", Result: "fail", Msg: "名称不符"}},
	{file: "mp/wificonnected.xml", want: &WifiConnectedEvent{Envelope: fev("WifiConnected"),
		ConnectTime: ts(1700000001), VendorID: "3001224419", PlaceID: "1569284", DeviceNo: "00:1f:7a:ad:5c:a8"}},
	{file: "mp/user_info_modified.xml", want: &UserInfoModifiedEvent{Envelope: fev("user_info_modified"),
		OpenID: "oU5Yy5Vd0d0sKa0nNq3rVd0A1b2c", AppID: "wx13974bf780d3dc89"}},
	{file: "mp/user_authorization_cancellation.xml", want: &UserAuthorizationCancellationEvent{Envelope: fev("user_authorization_cancellation"),
		OpenID: "oU5Yy5Vd0d0sKa0nNq3rVd0A1b2c", UnionID: "oX9k1t2u3v4w5x6y7z8a9b0c1d2e",
		AppID: "wx13974bf780d3dc89", PluginID: "wxidplugin0001", OpenPID: "pid_0001"}},
	{file: "mp/enter.xml", want: &EnterEvent{Envelope: fev("ENTER")}},
	{file: "mp/device_text.xml", want: &DeviceTextMessage{Envelope: msg("gh_dev", "oUserDevice", 1700000200, "device_text", 6052184711462883840),
		DeviceType: "gh_dev", DeviceID: "dev_01", SessionID: "9394", Content: "aGVsbG8=", OpenID: "oUserDevice"}},
	{file: "mp/device_event.subscribe_status.xml", want: &DeviceEvent{
		Envelope:   Envelope{ToUserName: "gh_dev", FromUserName: "oUserDevice", CreateTime: ts(1700000201), MsgType: "device_event", Event: "subscribe_status"},
		DeviceType: "gh_dev", DeviceID: "dev_01", OpType: 1, OpenID: "oUserDevice"}},
	{file: "mp/card_not_pass_check.xml", want: &CardNotPassCheckEvent{Envelope: fev("card_not_pass_check"),
		CardID: "pFS7Fjg8kV1IdDz01r4SQwMkuCKc", RefuseReason: "非法代制"}},
	{file: "mp/user_gifting_card.xml", want: &UserGiftingCardEvent{Envelope: fev("user_gifting_card"),
		CardID: "pFS7Fjg8kV1IdDz01r4SQwMkuCKc", UserCardCode: "12312312", FriendUserName: "oFriend01", IsChatRoom: 1}},
	{file: "mp/user_del_card.xml", want: &UserDelCardEvent{Envelope: fev("user_del_card"),
		CardID: "pFS7Fjg8kV1IdDz01r4SQwMkuCKc", UserCardCode: "12312312"}},
	{file: "mp/user_consume_card.xml", want: &UserConsumeCardEvent{Envelope: fev("user_consume_card"),
		CardID: "pFS7Fjg8kV1IdDz01r4SQwMkuCKc", UserCardCode: "12312312", ConsumeSource: "FROM_API", LocationName: "某门店",
		StaffOpenID: "oStaff001", RemarkAmount: "12.50", OuterStr: "xxxxx"}},
	{file: "mp/user_view_card.xml", want: &UserViewCardEvent{Envelope: fev("user_view_card"),
		CardID: "pFS7Fjg8kV1IdDz01r4SQwMkuCKc", UserCardCode: "12312312", OuterStr: "12b"}},
	{file: "mp/user_enter_session_from_card.xml", want: &UserEnterSessionFromCardEvent{Envelope: fev("user_enter_session_from_card"),
		CardID: "pFS7Fjg8kV1IdDz01r4SQwMkuCKc", UserCardCode: "12312312"}},
	{file: "mp/update_member_card.xml", want: &UpdateMemberCardEvent{Envelope: fev("update_member_card"),
		CardID: "pFS7Fjg8kV1IdDz01r4SQwMkuCKc", UserCardCode: "12312312", ModifyBonus: -3, ModifyBalance: 500}},
	{file: "mp/card_sku_remind.xml", want: &CardSkuRemindEvent{Envelope: fev("card_sku_remind"),
		CardID: "pFS7Fjg8kV1IdDz01r4SQwMkuCKc", Detail: "the card's quantity is equal to 0"}},
	{file: "mp/submit_membercard_user_info.xml", want: &SubmitMembercardUserInfoEvent{Envelope: fev("submit_membercard_user_info"),
		CardID: "pFS7Fjg8kV1IdDz01r4SQwMkuCKc", UserCardCode: "018255396048"}},
	{file: "mp/card_merchant_check_result.xml", want: &CardMerchantCheckResultEvent{Envelope: fev("card_merchant_check_result"),
		MerchantID: 12, Reason: "资料不全"}},
	{file: "mp/giftcard_pay_done.xml", want: &GiftcardPayDoneEvent{Envelope: fev("giftcard_pay_done"), PageID: "abcd1234", OrderID: "Z2y2rY74ksZX1ceuGA"}},
	{file: "mp/giftcard_user_accept.xml", want: &GiftcardUserAcceptEvent{Envelope: fev("giftcard_user_accept"), PageID: "abcd1234", OrderID: "Z2y2rY74ksZX1ceuGA"}},
	{file: "mp/freepublishjobfinish.xml", want: &PublishJobFinishEvent{Envelope: fevFrom("FREEPUBLISHJOBFINISH", "mphelper"),
		PublishID: 2247503052, ArticleID: "Mw4X3lWzyMb",
		ArticleDetail: PublishArticleDetail{Count: 2, Items: []PublishArticle{
			{Idx: 1, ArticleURL: "https://mp.weixin.qq.com/s/a"}, {Idx: 2, ArticleURL: "https://mp.weixin.qq.com/s/b"}}}}},
	{file: "mp/publishjobfinish.one_fail_idx.xml", want: &PublishJobFinishEvent{Envelope: fevFrom("PUBLISHJOBFINISH", "mphelper"),
		PublishID: 2247503053, PublishStatus: 4, FailIdx: []int{3}}},
	{file: "mp/subscribe_msg_popup_event.one.xml", want: &SubscribeMsgPopupEvent{Envelope: fev("subscribe_msg_popup_event"),
		List: []SubscribeMsgPopupItem{{TemplateID: "hD-ixGOhYmUfjOnI8MCzQMPshzGVeux_2vBgXqdIl0U", SubscribeStatusString: "accept"}}}},
	{file: "miniprogram/wxa_media_check.v1.xml", want: &WxaMediaCheckEvent{Envelope: fev("wxa_media_check"),
		IsRisky: 1, ExtraInfoJSON: `{"label":"porn"}`, AppID: "wx8f1e2d3c4b5a6978", TraceID: "967e945cd8a3e458f3c74dcb886068e9", StatusCode: 4294966288}},
	{file: "miniprogram/wxa_media_check.v2_camel.xml", want: &WxaMediaCheckEvent{Envelope: fev("wxa_media_check"),
		AppID: "wx8f1e2d3c4b5a6978", TraceID: "6421b3a1-12f0a8e3-5c2d7b1a", Version: 2,
		Details: []MediaCheckDetail{
			{Strategy: "content_model", Suggest: "risky", Label: 20002, Prob: 95},
			{Strategy: "keyword", Suggest: "pass", Label: 100},
		},
		ErrMsg: "ok", Result: MediaCheckResult{Suggest: "risky", Label: 20002}}},
	{file: "miniprogram/weapp_audit_success.xml", want: &WeappAuditSuccessEvent{Envelope: fev("weapp_audit_success"), SuccTime: ts(1700000300)}},
	{file: "miniprogram/weapp_audit_delay.xml", want: &WeappAuditDelayEvent{Envelope: fev("weapp_audit_delay"),
		Reason: "为了更好的服务小程序，您的服务商正在进行提审系统的优化，可能会导致审核时效的增长，请耐心等待", DelayTime: ts(1700000400)}},
	{file: "miniprogram/wxa_category_audit.xml", want: &WxaCategoryAuditEvent{Envelope: fev("wxa_category_audit"), Ret: 3, First: 304, Second: 1050}},
	{file: "miniprogram/wxa_privacy_apply.xml", want: &WxaPrivacyApplyEvent{Envelope: fev("wxa_privacy_apply"),
		APIName: "wx.chooseAddress", ApplyTime: ts(1700000500), AuditID: 420283745, AuditTime: ts(1700000600), Reason: "场景不符", Status: 2}},
	{file: "miniprogram/wxa_appeal_record.xml", want: &WxaAppealRecordEvent{Envelope: fev("wxa_appeal_record"),
		AppealRecordID: 2, AppID: "wx8f1e2d3c4b5a6978", AppealTime: ts(1700000700), AppealCount: 1, AppealStatus: 3,
		PunishDescription: "涉嫌诱导分享",
		Materials: []AppealMaterial{
			{IllegalMaterial: IllegalMaterial{Content: "分享得奖励", ContentURL: "https://example.com/p/1"},
				AppealMaterial: AppealMaterialInfo{Reason: "已整改", ProofMaterialIDs: []string{"m1", "m2"}}},
			{IllegalMaterial: IllegalMaterial{Content: "第二处"},
				AppealMaterial: AppealMaterialInfo{Reason: "误判", ProofMaterialIDs: []string{"m3"}}},
		}}},
	{file: "miniprogram/wxa_illegal_record.xml", want: &WxaIllegalRecordEvent{Envelope: fevAt("wxa_illegal_record", 1700000801),
		IllegalRecordID: "4_1_1_1700000800", AppID: "wx8f1e2d3c4b5a6978", RecordCreateTime: ts(1700000800),
		IllegalReason: "违规", IllegalContent: "内容", RuleURL: "https://developers.weixin.qq.com/rule", RuleName: "运营规范"}},
	{file: "miniprogram/add_express_path.waybillid.xml", want: &AddExpressPathEvent{Envelope: fev("add_express_path"),
		DeliveryID: "ZTO", WayBillID: "73100000000001", OrderID: "01234567890123456789", Version: 1, Count: 1,
		Actions: []ExpressAction{{ActionTime: ts(1700000900), ActionType: 400001, ActionMsg: "已签收"}}}},
	{file: "miniprogram/trade_manage_remind_access_api.xml", want: &TradeManageRemindAccessAPIEvent{Envelope: fev("trade_manage_remind_access_api"),
		Msg: "请尽快接入发货信息管理服务API"}},
	{file: "miniprogram/trade_manage_remind_shipping.xml", want: &TradeManageRemindShippingEvent{Envelope: fev("trade_manage_remind_shipping"),
		TransactionID: "4200001234202311111234567890", MerchantID: "1230000109", MerchantTradeNo: "T20231111001",
		PayTime: ts(1700001000), Msg: "订单超过48小时未发货"}},
	{file: "miniprogram/trade_manage_order_settlement.xml", want: &TradeManageOrderSettlementEvent{Envelope: fev("trade_manage_order_settlement"),
		TransactionID: "4200001234202311111234567890", MerchantID: "1230000109", SubMerchantID: "1900000109", MerchantTradeNo: "T20231111001",
		PayTime: ts(1700001000), ShippedTime: ts(1700001100), EstimatedSettlementTime: ts(1700601100),
		ConfirmReceiveMethod: 2, ConfirmReceiveTime: ts(1700301100), SettlementTime: ts(1700601200)}},
	{file: "miniprogram/secvod_upload_event.xml", want: &SecvodUploadEvent{Envelope: fev("secvod_upload_event"),
		MediaID: 20001, SourceContext: "ctx-1", ErrMsg: "ok"}},
	{file: "miniprogram/secvod_audit_event.xml", want: &SecvodAuditEvent{Envelope: fev("secvod_audit_event"),
		DramaID: 30001, SourceContext: "ctx-2",
		AuditDetail: DramaAuditDetail{Status: 4, AuditType: 1, CreateTime: ts(1700001200), AuditTime: ts(1700001300)}}},
	{file: "miniprogram/xpay_goods_deliver_notify.xml", want: &XpayGoodsDeliverNotifyEvent{Envelope: fev("xpay_goods_deliver_notify"),
		OpenID: "oBuyer0001", OutTradeNo: "xp_20231111_0001", Env: 1,
		WeChatPayInfo: XpayPayInfo{MchOrderNo: "mch_0001", TransactionID: "4200009999", PaidTime: ts(1700001400)},
		GoodsInfo:     XpayGoodsInfo{ProductID: "sword_01", Quantity: 2, OrigPrice: 1200, ActualPrice: 1000, Attach: "level=3"}}},
	{file: "miniprogram/xpay_coin_pay_notify.xml", want: &XpayCoinPayNotifyEvent{Envelope: fev("xpay_coin_pay_notify"),
		OpenID: "oBuyer0002", OutTradeNo: "xp_20231111_0002",
		CoinInfo: XpayCoinInfo{Quantity: 600, OrigPrice: 600, ActualPrice: 600}}},
	{file: "miniprogram/xpay_refund_notify.xml", want: &XpayRefundNotifyEvent{Envelope: fev("xpay_refund_notify"),
		OpenID: "oBuyer0003", WxRefundID: "wxr_0001", MchRefundID: "mchr_0001", WxOrderID: "wxo_0001", MchOrderID: "mcho_0001",
		RefundFee: 600, RetMsg: "success", RefundStartTimestamp: ts(1700002000), RefundSuccTimestamp: ts(1700002060),
		WxpayRefundTransactionID: "5000001", RetryTimes: 2}},
	{file: "miniprogram/xpay_complaint_notify.xml", want: &XpayComplaintNotifyEvent{Envelope: fev("xpay_complaint_notify"),
		OpenID: "oBuyer0004", WxOrderID: "wxo_0002", MchOrderID: "mcho_0002", TransactionID: "4200007777", ComplaintID: "cmp_0001",
		ComplaintDetail: "道具未到账", ComplaintTime: ts(1700002100), RequestID: "req_0001"}},
	{file: "miniprogram/add_nearby_poi_audit_info.xml", want: &AddNearbyPoiAuditInfoEvent{Envelope: fev("add_nearby_poi_audit_info"),
		AuditID: 416620525, Status: 3, PoiID: "8260001"}},
	{file: "miniprogram/apply_merchant_audit_info.xml", want: &ApplyMerchantAuditInfoEvent{Envelope: fev("apply_merchant_audit_info"),
		AuditID: 11111, Status: 3, Reason: "资料不清晰"}},
	{file: "miniprogram/create_map_poi_audit_info.xml", want: &CreateMapPoiAuditInfoEvent{Envelope: fev("create_map_poi_audit_info"),
		AuditID: 11112, Status: 1, MapPoiID: "2880519561", Name: "某某店", Address: "广州市海珠区",
		Latitude: 23.1065, Longitude: 113.3245, ShRemark: "通过"}},
	{file: "miniprogram/add_store_audit_info.xml", want: &AddStoreAuditInfoEvent{Envelope: fev("add_store_audit_info"),
		AuditID: 11113, Status: 1, IsUpgrade: 1, PoiID: "12344"}},
	{file: "miniprogram/modify_store_audit_info.xml", want: &ModifyStoreAuditInfoEvent{Envelope: fev("modify_store_audit_info"),
		AuditID: 11114, Status: 2}},
	{file: "mp/shakearoundusershake.one_beacon.xml", want: &ShakearoundUserShakeEvent{Envelope: fev("shakearoundusershake"),
		ChosenBeacon:  Beacon{UUID: "FDA50693-A4E2-4FB1-AFCF-C6EB07647825", Major: "10001", Minor: "12102", Distance: 0.5},
		AroundBeacons: []Beacon{{UUID: "FDA50693-A4E2-4FB1-AFCF-C6EB07647825", Major: "10001", Minor: "12103", Distance: 3.25}}}},
	{file: "mp/miniprogrampage.xml", want: &MiniProgramPageMessage{Envelope: msg("gh_mini", "oMiniUser", 1700001500, "miniprogrampage", 6398470830486306816),
		Title: "商品详情", AppID: "wx1234567890abcdef", PagePath: "pages/item/item?id=7&from=card",
		ThumbURL: "https://mmbiz.qpic.cn/thumb.jpg", ThumbMediaID: "thumb_media_id_1"}},
	{file: "mp/guide_qrcode_scan_event.2.xml", want: &GuideQrcodeScanEvent{Envelope: fev("guide_qrcode_scan_event"),
		QrcodeGuideAccount: "guide_wx", QrcodeGuideOpenID: "oGuide001", OpenID: "oUser001", Action: 11, QrcodeInfo: "scene=shop1"}},
	{file: "mp/naming_verify_success.2.xml", want: &NamingVerifySuccessEvent{Envelope: fev("naming_verify_success"), ExpiredTime: ts(1731536000)}},
	{file: "mp/naming_verify_fail.2.xml", want: &NamingVerifyFailEvent{Envelope: fev("naming_verify_fail"),
		FailTime: ts(1700001600), FailReason: "名称不符合规范"}},
	{file: "mp/annual_renew.2.xml", want: &AnnualRenewEvent{Envelope: fev("annual_renew"), ExpiredTime: ts(1731536001)}},
	{file: "mp/user_scan_product_enter_session.2.xml", want: &UserScanProductEnterSessionEvent{Envelope: fev("user_scan_product_enter_session"),
		KeyStandard: "ean13", KeyStr: "6901481811083", ExtInfo: "ext"}},
	{file: "mp/view_miniprogram.menuid_alias.xml", want: &ViewMiniProgramEvent{Envelope: fev("VIEW_MINIPROGRAM"),
		EventKey: "pages/cart/cart", MenuID: "428796990"}},

	{file: "open/component_verify_ticket.xml", want: &ComponentVerifyTicketEvent{Envelope: platformEnv(1700000100),
		PlatformHeader: platformHead("component_verify_ticket"), ComponentVerifyTicket: "ticket@@@Qm9vVGVzdFRpY2tldA_x9"}},
	{file: "open/authorized.xml", want: &AuthorizedEvent{Envelope: platformEnv(1700000100), PlatformHeader: platformHead("authorized"),
		AuthorizerAppID: "wxf8b4f85f3a794e77", AuthorizationCode: "queryauthcode@@@SozCwT_ve8mK1zXiwTWt",
		AuthorizationCodeExpiredTime: ts(1700004100), PreAuthCode: "preauthcode@@@ejSsBPbaPUbDgLt1UdTRBQ"}},
	{file: "open/unauthorized.xml", want: &UnauthorizedEvent{Envelope: platformEnv(1700000100), PlatformHeader: platformHead("unauthorized"),
		AuthorizerAppID: "wxf8b4f85f3a794e77"}},
	{file: "open/updateauthorized.xml", want: &UpdateAuthorizedEvent{Envelope: platformEnv(1700000100), PlatformHeader: platformHead("UpdateAuthorized"),
		AuthorizerAppID: "wxf8b4f85f3a794e77", AuthorizationCode: "queryauthcode@@@xyz",
		AuthorizationCodeExpiredTime: ts(1700004200), PreAuthCode: "preauthcode@@@abc"}},
	{file: "open/notify_third_fasteregister.xml", want: &NotifyThirdFastRegisterEvent{Envelope: platformEnv(1700000100),
		PlatformHeader: platformHead("notify_third_fasteregister"), WxaAppID: "wx0a1b2c3d4e5f6a7b",
		AuthCode: "xxxxx第三方授权码", Msg: "OK", Info: companyInfo}},
	{file: "open/notify_third_fasteregister.personal.xml", want: &NotifyThirdFastRegisterEvent{Envelope: platformEnv(1700000100),
		PlatformHeader: platformHead("notify_third_fasteregister"), WxaAppID: "wx0a1b2c3d4e5f6a7c", Status: 89250, Msg: "未找到该任务",
		Info: FastRegisterInfo{WxUser: "person_wx", IDName: "李四", ComponentPhone: "13900000000"}}},
	{file: "open/notify_third_fastregisterbetaapp.xml", want: &NotifyThirdFastRegisterBetaAppEvent{Envelope: platformEnv(1700000100),
		PlatformHeader: platformHead("notify_third_fastregisterbetaapp"), WxaAppID: "wxbeta000000001", Msg: "OK",
		Info: BetaAppInfo{UniqueID: "uid-001", Name: "试用小程序"}}},
	{file: "open/notify_third_fastverifybetaapp.xml", want: &NotifyThirdFastVerifyBetaAppEvent{Envelope: platformEnv(1700000100),
		PlatformHeader: platformHead("notify_third_fastverifybetaapp"), WxaAppID: "wxbeta000000001", Msg: "OK", Info: companyInfo}},
	{file: "open/notify_3rd_wxa_auth.xml", want: &Notify3rdWxaAuthEvent{Envelope: platformEnv(1700000100),
		PlatformHeader: platformHead("notify_3rd_wxa_auth"), WxaAppID: "wx0a1b2c3d4e5f6a7b", Message: "ok", TaskID: "task_0001", ApplyStatus: 2,
		DispatchInfo: WxaAuthDispatchInfo{Provider: "某审核机构", Contact: "020-12345678", DispatchTime: ts(1700004300)}}},
	{file: "open/notify_3rd_wxa_wxverify.xml", want: &Notify3rdWxaWxverifyEvent{Envelope: platformEnv(1700000100),
		PlatformHeader: platformHead("notify_3rd_wxa_wxverify"), WxaAppID: "wx0a1b2c3d4e5f6a7b", Expired: ts(1702592000), Message: "认证即将过期"}},
	{file: "open/notify_icpfiling_verify_result.xml", want: &NotifyIcpfilingVerifyResultEvent{Envelope: platformEnv(1700000100),
		PlatformHeader: platformHead("notify_icpfiling_verify_result"), TaskID: "R5PqRPNb6GmG3i0rqd4pTg", VerifyAppID: "wx0a1b2c3d4e5f6a7b", Result: 3}},
	{file: "open/notify_apply_icpfiling_result.xml", want: &NotifyApplyIcpfilingResultEvent{Envelope: platformEnv(1700000100),
		PlatformHeader: platformHead("notify_apply_icpfiling_result"), AuthorizerAppID: "wx0a1b2c3d4e5f6a7b", BeianStatus: 1025}},

	{file: "mp/wx_verify_pay_succ.xml", want: &WxVerifyPaySuccEvent{Envelope: fev("wx_verify_pay_succ"), OrderID: "16465636384492457619"}},
	{file: "mp/wx_verify_dispatch.xml", want: &WxVerifyDispatchEvent{Envelope: fev("wx_verify_dispatch"),
		Provider: "上海某某认证服务有限公司", Contact: "咨询电话:021-00000000", DispatchTime: ts(1700000222)}},
	{file: "miniprogram/nearby_category_audit_info.xml", want: &NearbyCategoryAuditInfoEvent{Envelope: fev("nearby_category_audit_info"),
		AuditID: "416620526", Status: 2, Reason: "资质不符合要求"}},
	{file: "miniprogram/charge_service_quota_notify.xml", want: &ChargeServiceQuotaNotifyEvent{Envelope: fev("charge_service_quota_notify"),
		EventType: 3, AppID: "wx8f1e2d3c4b5a6978", SpuID: 10000077, SpuName: "手机号快速验证组件", TotalQuota: 1000, TotalUsedQuota: 800}},
	{file: "miniprogram/wxalive_follow_notify.xml", want: &WxaliveFollowNotifyEvent{Envelope: fev("wxalive_follow_notify"),
		RoomID: 1, UserOpenID: "oLiveUser0001", Time: ts(1700000300), LiveStatus: 101, Action: "add_follow"}},
	{file: "miniprogram/wxalive_push_message_notify.xml", want: &WxalivePushMessageNotifyEvent{Envelope: fev("wxalive_push_message_notify"),
		MessageID: "1622047360795164672", RoomID: 12, TotalCount: 200, SuccessCount: 190, OpenIDErrorCount: 3,
		RelationErrorCount: 4, UserRecvLimitCount: 2, InternalErrorCount: 1}},
	{file: "miniprogram/retail_refund_notify.xml", want: &RetailRefundNotifyEvent{Envelope: fev("retail_refund_notify"),
		AppID: "wx8f1e2d3c4b5a6978", MchID: "1230000109", OutRefundNo: "12177525012014070332321235", RefundID: "r202307281444591411763685",
		OutTradeNo: "1217752501201407033233368018", OrderID: "o202307291423123564754773", RefundAmount: 888, OrderAmount: 1000,
		RefundFrom: 1, RefundReason: 3, RefundCreateTime: "2023-07-28 14:44:59", RefundTime: "2023-07-28 14:45:30",
		RefundStatus: "REFUND_SUCC", WxpayRefundID: "50300305972023072803418789254"}},
	{file: "miniprogram/xpay_apple_subscribe_signing_result_notify.xml", want: &XpayAppleSubscribeSigningResultNotifyEvent{
		Envelope: fev("xpay_apple_subscribe_signing_result_notify"), OpenID: "oBuyer0005", Attach: "uid=12345",
		AppleSubscriptionInfo: AppleSubscriptionInfo{OriginalTransactionID: "2000001147426510", ProductID: "subscription_vip_monthly",
			AutoRenewStatus: 1, RenewalDate: 1775226245000, SignedTime: 1772634245000}}},
	{file: "miniprogram/xpay_apple_subscribe_unsigning_result_notify.xml", want: &XpayAppleSubscribeUnsigningResultNotifyEvent{
		Envelope: fev("xpay_apple_subscribe_unsigning_result_notify"), OpenID: "oBuyer0005", Attach: "uid=12345", Action: "unsubscribe",
		AppleSubscriptionInfo: AppleSubscriptionInfo{OriginalTransactionID: "2000001147426510", ProductID: "subscription_vip_monthly",
			RenewalDate: 1775226245000, UnsignedTime: 1773000000000}}},
	{file: "miniprogram/xpay_goods_deliver_notify.apple.xml", want: &XpayGoodsDeliverNotifyEvent{Envelope: fev("xpay_goods_deliver_notify"),
		OpenID: "oBuyer0005", OutTradeNo: "xp_20260301_0009",
		WeChatPayInfo:         XpayPayInfo{MchOrderNo: "mch_0009", TransactionID: "4200009998", PaidTime: ts(1772634245)},
		GoodsInfo:             XpayGoodsInfo{ProductID: "subscription_vip_monthly", Quantity: 1, OrigPrice: 3000, ActualPrice: 3000, Attach: "uid=12345"},
		AppleSubscriptionInfo: AppleSubscriptionInfo{OriginalTransactionID: "2000001147426510", AutoRenewStatus: 1, RenewalDate: 1775226245000}}},
	{file: "miniprogram/xpay_subscribe_ios_refund_query_notify.xml", want: &XpaySubscribeIOSRefundQueryNotifyEvent{
		Envelope: fev("xpay_subscribe_ios_refund_query_notify"), RefundTime: ts(1773806490), OrderTime: ts(1773733827),
		ChannelBill: "2000001147426511", BundleID: "com.tencent.xin", ProductID: "coin_600", PCount: 1,
		RefundRequestReason: "UNINTENDED_PURCHASE", ProvideStatus: 1, PayOrderID: "xp_20260301_0010"}},
	{file: "miniprogram/wxa_comment_bad_score.xml", want: &WxaCommentBadScoreEvent{Envelope: fev("wxa_comment_bad_score"), CommentID: "2272502024443330610"}},

	{file: "mp/open_product_spu_audit.xml", want: &OpenProductSpuAuditEvent{Envelope: fev("open_product_spu_audit"),
		OutProductID: "spu_123", ProductID: 38249023, Status: 3, RejectReason: "商品图片不清晰"}},
	{file: "mp/open_product_spu_status_update.xml", want: &OpenProductSpuStatusUpdateEvent{Envelope: fev("open_product_spu_status_update"),
		OutProductID: "spu_123", ProductID: 38249023, Status: 13, Reason: "涉嫌违规"}},
	{file: "mp/open_product_category_audit.xml", want: &OpenProductCategoryAuditEvent{Envelope: fev("open_product_category_audit"),
		AuditID: "Xe5h1ILil12_fwfe", Status: 1, AuditType: 2}},
	{file: "mp/open_product_brand_audit.xml", want: &OpenProductBrandAuditEvent{Envelope: fev("open_product_brand_audit"),
		AuditID: "Xe5h1ILil12_brand", Status: 9, AuditType: 1, RejectReason: "商标注册证已过期", BrandID: 11}},
	{file: "mp/open_product_scene_group_audit.xml", want: &OpenProductSceneGroupAuditEvent{Envelope: fev("open_product_scene_group_audit"),
		GroupID: 1, Reason: "审核通过,可以在视频号场景使用。", Name: "视频号、公众号场景",
		SceneGroupExtList: []SceneGroupExt{{ExtID: 1, Status: 1, Name: "客服售后"}, {ExtID: 2, Status: 2, Name: "电商平台"}}}},
	{file: "mp/open_product_account_register.xml", want: &OpenProductAccountRegisterEvent{Envelope: fev("open_product_account_register"), Status: 2}},
	{file: "mp/open_product_order_pay.xml", want: &OpenProductOrderPayEvent{Envelope: fev("open_product_order_pay"),
		OrderID: 1234567, OutOrderID: "123456", TransactionID: "42000000123123", PayTime: "2021-12-30 22:31:00",
		Amount: 1000, PayerAmount: 900, SpOpenID: "oNMZ-5C0SPGHUiKsTwnOXpSHzFvw",
		PromotionDetailList: []PromotionDetail{{CouponID: "109519", Name: "满10减1", Scope: "SINGLE", Type: "NOCASH", Amount: 100,
			StockID: "931386", MerchantContribute: 100,
			GoodsDetails: []PromotionGoodsItem{{GoodsID: "sku_a", Quantity: 1, UnitPrice: 600}, {GoodsID: "sku_b", Quantity: 2, UnitPrice: 200}}}}}},
	{file: "mp/open_product_order_cancel.xml", want: &OpenProductOrderCancelEvent{Envelope: fev("open_product_order_cancel"),
		OrderID: 1234567, OutOrderID: "123456", CancelType: 2}},
	{file: "mp/open_product_order_confirm.xml", want: &OpenProductOrderConfirmEvent{Envelope: fev("open_product_order_confirm"),
		OrderID: 1234567, OutOrderID: "123456"}},
	{file: "mp/open_product_order_settle.xml", want: &OpenProductOrderSettleEvent{Envelope: fev("open_product_order_settle"),
		OrderID: 1234567, OutOrderID: "123456", SettleNo: "1234567890", Amount: 100, SettleTime: "2021-12-30 22:31:00"}},
	{file: "mp/aftersale_new_order.xml", want: &AftersaleNewOrderEvent{Envelope: fev("aftersale_new_order"),
		AftersaleID: 123456, OrderID: 1234567, OutOrderID: "abc1234567"}},
	{file: "mp/aftersale_user_cancel_waybill.xml", want: &AftersaleUserCancelWaybillEvent{Envelope: fev("aftersale_user_cancel_waybill"),
		AftersaleID: 123456, OutAftersaleID: "aso_1234567"}},
	{file: "mp/funds_order_pay.xml", want: &FundsOrderPayEvent{Envelope: fev("funds_order_pay"),
		TradeNo: "1217752501201407033233368018", TransactionID: "42000000123123", PayTime: "2021-12-30 22:31:00"}},
	{file: "mp/funds_order_refund.xml", want: &FundsOrderRefundEvent{Envelope: fev("funds_order_refund"),
		RefundNo: "1217752501201407033233368019", Status: "ABNORMAL", Message: "用户银行卡已冻结"}},
	{file: "mp/complaint_notify.xml", want: &ComplaintNotifyEvent{Envelope: fev("complaint_notify"),
		ComplaintOrderID: 123456, State: 2, ComplaintEvent: 240001}},
	{file: "mp/miniprogram_sharer_bind_status_change.xml", want: &MiniProgramSharerBindStatusChangeEvent{
		Envelope: fev("miniprogram_sharer_bind_status_change"), OpenID: "oSharer0001", BindStatus: 1}},
}

func TestFreshSamples(t *testing.T) { runCatalog(t, freshSamples) }
