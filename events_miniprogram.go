package wechatevent

import "time"

// UserEnterTempSessionEvent is sent when a user enters a 小程序's
// customer-service conversation.
// The Event value is "user_enter_tempsession".
// See https://developers.weixin.qq.com/miniprogram/dev/framework/open-ability/customer-message/receive.html
type UserEnterTempSessionEvent struct {
	Envelope
	SessionFrom string `xml:"SessionFrom"` // the session-from value of the contact button
}

// WxaMediaCheckEvent is the asynchronous result of a media security check
// (mediaCheckAsync). It holds both payloads WeChat has sent: version 1 fills
// IsRisky, ExtraInfoJSON and StatusCode; version 2 fills Version, Details,
// ErrCode, ErrMsg and Result. TraceID is in both.
// The Event value is "wxa_media_check".
// See https://developers.weixin.qq.com/miniprogram/dev/OpenApiDoc/sec-center/sec-check/mediaCheckAsync.html
type WxaMediaCheckEvent struct {
	Envelope
	TraceID string `xml:"trace_id"` // the check's ID, as returned when it was requested

	IsRisky       int    `xml:"isrisky"`         // v1: 1 risky, 0 not
	ExtraInfoJSON string `xml:"extra_info_json"` // v1: extra data as JSON text
	StatusCode    int64  `xml:"status_code"`     // v1: 0 checked; 4294966288 (-1008 as uint32) the media could not be downloaded

	AppID   string             `xml:"appid" alias:"AppId,AppID"` // v2: the mini program's AppID
	Version int                `xml:"version"`                   // v2: 2
	Details []MediaCheckDetail `xml:"detail"`                    // v2: one entry per strategy, however many
	ErrCode int                `xml:"errcode" alias:"errCode"`   // v2: 0 checked
	ErrMsg  string             `xml:"errmsg" alias:"errMsg"`     // v2: "ok" or the error
	Result  MediaCheckResult   `xml:"result"`                    // v2: the overall result
}

// MediaCheckDetail is the result of one strategy of a media check.
type MediaCheckDetail struct {
	Strategy string `xml:"strategy"`                // the strategy, such as "content_model"
	ErrCode  int    `xml:"errcode" alias:"errCode"` // 0 checked
	Suggest  string `xml:"suggest"`                 // "pass", "review" or "risky"
	Label    int    `xml:"label"`                   // the category found; 100 normal
	Prob     int    `xml:"prob"`                    // the confidence, 0 to 100
}

// MediaCheckResult is the overall result of a media check.
type MediaCheckResult struct {
	Suggest string `xml:"suggest"` // "pass", "review" or "risky"
	Label   int    `xml:"label"`   // the category found; 100 normal
}

// WeappAuditSuccessEvent is sent to a third-party platform when a 小程序
// code version it submitted passes review.
// The Event value is "weapp_audit_success".
// See https://developers.weixin.qq.com/doc/oplatform/Third-party_Platforms/2.0/api/code/audit_event.html
type WeappAuditSuccessEvent struct {
	Envelope
	SuccTime time.Time `xml:"SuccTime"` // when it passed
}

// WeappAuditFailEvent is sent to a third-party platform when a 小程序 code
// version it submitted fails review.
// The Event value is "weapp_audit_fail".
// See https://developers.weixin.qq.com/doc/oplatform/Third-party_Platforms/2.0/api/code/audit_event.html
type WeappAuditFailEvent struct {
	Envelope
	Reason     string    `xml:"Reason"`     // why it failed; may contain <br> markup
	FailTime   time.Time `xml:"FailTime"`   // when it failed
	ScreenShot string    `xml:"ScreenShot"` // media IDs of example screenshots, separated by '|'
}

// WeappAuditDelayEvent is sent to a third-party platform when the review of
// a 小程序 code version is delayed.
// The Event value is "weapp_audit_delay".
// See https://developers.weixin.qq.com/doc/oplatform/Third-party_Platforms/2.0/api/code/audit_event.html
type WeappAuditDelayEvent struct {
	Envelope
	Reason    string    `xml:"Reason"`    // why it is delayed
	DelayTime time.Time `xml:"DelayTime"` // when it was delayed
}

// WxaNicknameAuditEvent is sent to a third-party platform when the review of
// a 小程序's new name ends.
// The Event value is "wxa_nickname_audit".
// See https://developers.weixin.qq.com/doc/oplatform/Third-party_Platforms/2.0/api/Mini_Program_Basic_Info/setnickname.html
type WxaNicknameAuditEvent struct {
	Envelope
	Ret      int    `xml:"ret"`      // 2 refused, 3 passed
	Nickname string `xml:"nickname"` // the name that was reviewed
	Reason   string `xml:"reason"`   // why it was refused
}

// WxaCategoryAuditEvent is sent to a third-party platform when the review of
// a category (类目) added to a 小程序 ends.
// The Event value is "wxa_category_audit".
// See https://developers.weixin.qq.com/doc/oplatform/Third-party_Platforms/2.0/api/category/addcategory.html
type WxaCategoryAuditEvent struct {
	Envelope
	Ret    int    `xml:"ret"`    // 2 refused, 3 passed
	First  int    `xml:"first"`  // the first-level category's ID
	Second int    `xml:"second"` // the second-level category's ID
	Reason string `xml:"reason"` // why it was refused
}

// WxaPrivacyApplyEvent is sent to a third-party platform when the review of
// a privacy API application (隐私接口申请) ends.
// The Event value is "wxa_privacy_apply".
// See https://developers.weixin.qq.com/doc/oplatform/Third-party_Platforms/2.0/api/apply_api/apply_privacy_interface.html
type WxaPrivacyApplyEvent struct {
	Envelope
	APIName   string    `xml:"result_info>api_name"`   // the API applied for, such as "wx.chooseAddress"
	ApplyTime time.Time `xml:"result_info>apply_time"` // when it was applied for
	AuditID   int64     `xml:"result_info>audit_id"`   // the application's ID
	AuditTime time.Time `xml:"result_info>audit_time"` // when it was reviewed
	Reason    string    `xml:"result_info>reason"`     // why it was refused
	Status    int       `xml:"result_info>status"`     // 1 pending, 2 refused, 3 passed, ...
}

// WxaAppealRecordEvent is sent when an appeal against a 小程序 penalty has
// been decided.
// The Event value is "wxa_appeal_record".
// See https://developers.weixin.qq.com/doc/oplatform/Third-party_Platforms/2.0/api/records/getappealrecords.html
type WxaAppealRecordEvent struct {
	Envelope
	AppealRecordID    int64            `xml:"appeal_record_id"`          // the appeal's ID
	AppID             string           `xml:"appid" alias:"AppId,AppID"` // the mini program's AppID
	AppealTime        time.Time        `xml:"appeal_time"`               // when the appeal was made
	AppealCount       int              `xml:"appeal_count"`              // appeals made against the penalty
	AppealFrom        int              `xml:"appeal_from"`               // who appealed: 0 the user, 1 the service provider
	AppealStatus      int              `xml:"appeal_status"`             // 1 pending, 2 passed, 3 refused
	PunishDescription string           `xml:"punish_description"`        // the penalty appealed against
	Materials         []AppealMaterial `xml:"material"`                  // the content and proofs, one entry per item
}

// AppealMaterial is one item of an appeal: the content found illegal and
// what was submitted against it.
type AppealMaterial struct {
	IllegalMaterial IllegalMaterial    `xml:"illegal_material"` // the content found illegal
	AppealMaterial  AppealMaterialInfo `xml:"appeal_material"`  // what the appeal submitted
}

// IllegalMaterial is content found illegal.
type IllegalMaterial struct {
	Content    string `xml:"content"`     // the content's text
	ContentURL string `xml:"content_url"` // where the content can be seen
}

// AppealMaterialInfo is what an appeal submitted.
type AppealMaterialInfo struct {
	Reason           string   `xml:"reason"`            // the reason given
	ProofMaterialIDs []string `xml:"proof_material_id"` // media IDs of the proofs, one per element
}

// WxaIllegalRecordEvent is sent when a 小程序 is penalised for a violation.
// The Event value is "wxa_illegal_record".
// See https://developers.weixin.qq.com/doc/oplatform/Third-party_Platforms/2.0/api/records/getillegalrecords.html
type WxaIllegalRecordEvent struct {
	Envelope
	IllegalRecordID string `xml:"illegal_record_id"`         // the violation record's ID
	AppID           string `xml:"appid" alias:"AppId,AppID"` // the mini program's AppID
	// RecordCreateTime is when the violation was recorded (wire element
	// create_time); it is not named CreateTime so that it does not hide
	// Envelope.CreateTime.
	RecordCreateTime time.Time `xml:"create_time"`
	IllegalReason    string    `xml:"illegal_reason"`  // the violation
	IllegalContent   string    `xml:"illegal_content"` // the content found illegal
	RuleURL          string    `xml:"rule_url"`        // the rule's page
	RuleName         string    `xml:"rule_name"`       // the rule's name
}

// AddExpressPathEvent is sent when the track of a waybill created through the
// logistics assistant (物流助手) is updated.
// The Event value is "add_express_path".
// See https://developers.weixin.qq.com/miniprogram/dev/OpenApiDoc/express/express-by-business/onExpressPathUpdate.html
type AddExpressPathEvent struct {
	Envelope
	DeliveryID string          `xml:"DeliveryID"`                  // the carrier's ID, such as "SF"
	WayBillID  string          `xml:"WayBillId" alias:"WaybillId"` // the waybill's ID
	OrderID    string          `xml:"OrderId"`                     // the order's ID
	Version    int             `xml:"Version"`                     // the track's version; higher is newer
	Count      int             `xml:"Count"`                       // track nodes, as sent; Actions is not limited by it
	Actions    []ExpressAction `xml:"Actions"`                     // the track nodes, however many
}

// ExpressAction is one node of a waybill's track.
type ExpressAction struct {
	ActionTime time.Time `xml:"ActionTime"` // when it happened
	ActionType int       `xml:"ActionType"` // 100001 picked up, 200001 in transit, 300001 out for delivery, 400001 delivered, ...
	ActionMsg  string    `xml:"ActionMsg"`  // the node's text
}

// TradeManageRemindAccessAPIEvent reminds a 小程序 to use the shipping
// information management API (发货信息管理服务).
// The Event value is "trade_manage_remind_access_api".
// See https://developers.weixin.qq.com/miniprogram/dev/platform-capabilities/business-capabilities/order-shipping/order-shipping.html
type TradeManageRemindAccessAPIEvent struct {
	Envelope
	Msg string `xml:"msg"` // the reminder's text
}

// TradeManageRemindShippingEvent reminds a 小程序 that an order paid more
// than 48 hours ago has no shipping information yet.
// The Event value is "trade_manage_remind_shipping".
// See https://developers.weixin.qq.com/miniprogram/dev/platform-capabilities/business-capabilities/order-shipping/order-shipping.html
type TradeManageRemindShippingEvent struct {
	Envelope
	TransactionID   string    `xml:"transaction_id"`    // the WeChat Pay transaction ID
	MerchantID      string    `xml:"merchant_id"`       // the merchant ID
	SubMerchantID   string    `xml:"sub_merchant_id"`   // the sub-merchant ID
	MerchantTradeNo string    `xml:"merchant_trade_no"` // the merchant's order number
	PayTime         time.Time `xml:"pay_time"`          // when the order was paid
	Msg             string    `xml:"msg"`               // the reminder's text
}

// TradeManageOrderSettlementEvent is sent when an order has shipped and will
// be settled, and again when it is settled.
// The Event value is "trade_manage_order_settlement".
// See https://developers.weixin.qq.com/miniprogram/dev/platform-capabilities/business-capabilities/order-shipping/order-shipping.html
type TradeManageOrderSettlementEvent struct {
	Envelope
	TransactionID           string    `xml:"transaction_id"`            // the WeChat Pay transaction ID
	MerchantID              string    `xml:"merchant_id"`               // the merchant ID
	SubMerchantID           string    `xml:"sub_merchant_id"`           // the sub-merchant ID
	MerchantTradeNo         string    `xml:"merchant_trade_no"`         // the merchant's order number
	PayTime                 time.Time `xml:"pay_time"`                  // when the order was paid
	ShippedTime             time.Time `xml:"shipped_time"`              // when it shipped
	EstimatedSettlementTime time.Time `xml:"estimated_settlement_time"` // when it should settle; only in the shipping push
	ConfirmReceiveMethod    int       `xml:"confirm_receive_method"`    // 1 confirmed automatically, 2 by the user; only in the settlement push
	ConfirmReceiveTime      time.Time `xml:"confirm_receive_time"`      // when receipt was confirmed; only in the settlement push
	SettlementTime          time.Time `xml:"settlement_time"`           // when it settled; only in the settlement push
}

// SecvodUploadEvent is sent when a 短剧 media upload has finished.
// The Event value is "secvod_upload_event".
// See https://developers.weixin.qq.com/miniprogram/dev/platform-capabilities/industry/mini-drama/mini_drama.html
type SecvodUploadEvent struct {
	Envelope
	MediaID       int64  `xml:"upload_event>media_id"`       // the media's ID
	SourceContext string `xml:"upload_event>source_context"` // the value set when the upload was requested
	ErrCode       int    `xml:"upload_event>errcode"`        // 0 uploaded; otherwise why not
	ErrMsg        string `xml:"upload_event>errmsg"`         // the error's text
}

// SecvodAuditEvent is sent when the review status of a 短剧 drama changes.
// The Event value is "secvod_audit_event".
// See https://developers.weixin.qq.com/miniprogram/dev/platform-capabilities/industry/mini-drama/mini_drama.html
type SecvodAuditEvent struct {
	Envelope
	DramaID       int64            `xml:"audit_event>drama_id"`       // the drama's ID
	SourceContext string           `xml:"audit_event>source_context"` // the value set when the drama was submitted
	AuditDetail   DramaAuditDetail `xml:"audit_event>audit_detail"`   // the drama's review result
}

// DramaAuditDetail is the review result of a 短剧 drama.
type DramaAuditDetail struct {
	Status     int       `xml:"status"`      // 0 invalid, 1 under review, 2 failed for good, 3 passed, 4 to be resubmitted
	AuditType  int       `xml:"audit_type"`  // 0 first submission, 1 resubmission, 2 episodes replaced, 3 details changed
	CreateTime time.Time `xml:"create_time"` // when it was submitted
	AuditTime  time.Time `xml:"audit_time"`  // when it was reviewed
}

// XpayGoodsDeliverNotifyEvent asks a 小程序 to deliver an item a user bought
// through virtual payment (虚拟支付).
// The Event value is "xpay_goods_deliver_notify".
// See https://developers.weixin.qq.com/miniprogram/dev/platform-capabilities/business-capabilities/virtual-payment.html
type XpayGoodsDeliverNotifyEvent struct {
	Envelope
	OpenID        string        `xml:"OpenId"`        // the buyer's OpenID
	OutTradeNo    string        `xml:"OutTradeNo"`    // the order number
	Env           int           `xml:"Env"`           // 0 production, 1 sandbox
	WeChatPayInfo XpayPayInfo   `xml:"WeChatPayInfo"` // the WeChat Pay data; empty for other channels
	GoodsInfo     XpayGoodsInfo `xml:"GoodsInfo"`     // the item bought
	// AppleSubscriptionInfo is the Apple subscription renewed by this
	// payment; empty unless the item is an iOS membership subscription.
	AppleSubscriptionInfo AppleSubscriptionInfo `xml:"AppleSubscriptionInfo"`
}

// XpayCoinPayNotifyEvent tells a 小程序 that a user bought tokens (代币)
// through virtual payment.
// The Event value is "xpay_coin_pay_notify".
// See https://developers.weixin.qq.com/miniprogram/dev/platform-capabilities/business-capabilities/virtual-payment.html
type XpayCoinPayNotifyEvent struct {
	Envelope
	OpenID        string       `xml:"OpenId"`        // the buyer's OpenID
	OutTradeNo    string       `xml:"OutTradeNo"`    // the order number
	Env           int          `xml:"Env"`           // 0 production, 1 sandbox
	WeChatPayInfo XpayPayInfo  `xml:"WeChatPayInfo"` // the WeChat Pay data; empty for other channels
	CoinInfo      XpayCoinInfo `xml:"CoinInfo"`      // the tokens bought
}

// XpayPayInfo is the WeChat Pay data of a virtual-payment order.
type XpayPayInfo struct {
	MchOrderNo    string    `xml:"MchOrderNo"`    // the merchant order number
	TransactionID string    `xml:"TransactionId"` // the WeChat Pay transaction ID
	PaidTime      time.Time `xml:"PaidTime"`      // when it was paid
}

// XpayGoodsInfo is the item of a virtual-payment order.
type XpayGoodsInfo struct {
	ProductID   string `xml:"ProductId"`   // the item's ID
	Quantity    int    `xml:"Quantity"`    // how many
	OrigPrice   int64  `xml:"OrigPrice"`   // the price before discount, fen
	ActualPrice int64  `xml:"ActualPrice"` // the price paid, fen
	Attach      string `xml:"Attach"`      // the data passed when the order was made
}

// XpayCoinInfo is the tokens of a virtual-payment order.
type XpayCoinInfo struct {
	Quantity    int    `xml:"Quantity"`    // how many tokens
	OrigPrice   int64  `xml:"OrigPrice"`   // the price before discount, fen
	ActualPrice int64  `xml:"ActualPrice"` // the price paid, fen
	Attach      string `xml:"Attach"`      // the data passed when the order was made
}

// XpayRefundNotifyEvent tells a 小程序 the result of a virtual-payment
// refund.
// The Event value is "xpay_refund_notify".
// See https://developers.weixin.qq.com/miniprogram/dev/platform-capabilities/business-capabilities/virtual-payment.html
type XpayRefundNotifyEvent struct {
	Envelope
	OpenID                   string    `xml:"OpenId" alias:"openid"`    // the buyer's OpenID
	WxRefundID               string    `xml:"WxRefundId"`               // WeChat's refund number
	MchRefundID              string    `xml:"MchRefundId"`              // the merchant's refund number
	WxOrderID                string    `xml:"WxOrderId"`                // WeChat's number of the refunded order
	MchOrderID               string    `xml:"MchOrderId"`               // the merchant's number of the refunded order
	RefundFee                int64     `xml:"RefundFee"`                // the amount refunded, fen
	RetCode                  int       `xml:"RetCode"`                  // 0 refunded; otherwise failed
	RetMsg                   string    `xml:"RetMsg"`                   // the result's text
	RefundStartTimestamp     time.Time `xml:"RefundStartTimestamp"`     // when the refund started
	RefundSuccTimestamp      time.Time `xml:"RefundSuccTimestamp"`      // when the refund ended
	WxpayRefundTransactionID string    `xml:"WxpayRefundTransactionId"` // the WeChat Pay number of the refund
	RetryTimes               int       `xml:"RetryTimes"`               // how often this push was retried, from 0
}

// XpayComplaintNotifyEvent tells a 小程序 that a user complained about a
// virtual-payment order.
// The Event value is "xpay_complaint_notify".
// See https://developers.weixin.qq.com/miniprogram/dev/platform-capabilities/business-capabilities/virtual-payment.html
type XpayComplaintNotifyEvent struct {
	Envelope
	OpenID          string    `xml:"OpenId" alias:"openid"` // the user's OpenID
	WxOrderID       string    `xml:"WxOrderId"`             // WeChat's order number
	MchOrderID      string    `xml:"MchOrderId"`            // the merchant's order number
	TransactionID   string    `xml:"TransactionId"`         // the WeChat Pay transaction ID
	ComplaintID     string    `xml:"ComplaintId"`           // the complaint's ID
	ComplaintDetail string    `xml:"ComplaintDetail"`       // what the user wrote
	ComplaintTime   time.Time `xml:"ComplaintTime"`         // when the user complained
	RetryTimes      int       `xml:"RetryTimes"`            // how often this push was retried, from 0
	RequestID       string    `xml:"RequestId"`             // the push's request ID
}

// AddNearbyPoiAuditInfoEvent is sent when the review of a place added to
// 附近的小程序 ends.
// The Event value is "add_nearby_poi_audit_info".
// See https://developers.weixin.qq.com/miniprogram/dev/OpenApiDoc/nearby-poi/addNearbyPoi.html
type AddNearbyPoiAuditInfoEvent struct {
	Envelope
	AuditID int64  `xml:"audit_id"` // the review's ID
	Status  int    `xml:"status"`   // 3 passed, 2 refused
	Reason  string `xml:"reason"`   // why it was refused
	PoiID   string `xml:"poi_id"`   // the place's ID
}

// AppleSubscriptionInfo is an Apple subscription (会员订阅: iOS) of virtual
// payment. Its times are UNIX milliseconds, so they are kept as numbers.
type AppleSubscriptionInfo struct {
	OriginalTransactionID string `xml:"OriginalTransactionId"` // Apple's ID of the first purchase; names the subscription
	ProductID             string `xml:"ProductId"`             // the subscribed item's ID
	AutoRenewStatus       int    `xml:"AutoRenewStatus"`       // 1 renews automatically, 0 does not
	RenewalDate           int64  `xml:"RenewalDate"`           // UNIX milliseconds of the next renewal, or of the end of the paid period
	SignedTime            int64  `xml:"SignedTime"`            // UNIX milliseconds of the signing; only in the signing push
	UnsignedTime          int64  `xml:"UnsignedTime"`          // UNIX milliseconds of the cancellation; only in the unsigning push
}

// XpayAppleSubscribeSigningResultNotifyEvent is sent once, when a user first
// signs an iOS membership subscription bought through virtual payment.
// The Event value is "xpay_apple_subscribe_signing_result_notify".
// See https://developers.weixin.qq.com/miniprogram/dev/platform-capabilities/business-capabilities/vip.html
type XpayAppleSubscribeSigningResultNotifyEvent struct {
	Envelope
	OpenID                string                `xml:"OpenId" alias:"openid"` // the subscriber's OpenID
	Attach                string                `xml:"Attach"`                // the data passed when the subscription was signed
	AppleSubscriptionInfo AppleSubscriptionInfo `xml:"AppleSubscriptionInfo"` // the subscription
}

// XpayAppleSubscribeUnsigningResultNotifyEvent is sent when a user turns
// off the automatic renewal of an iOS membership subscription.
// The Event value is "xpay_apple_subscribe_unsigning_result_notify".
// See https://developers.weixin.qq.com/miniprogram/dev/platform-capabilities/business-capabilities/vip.html
type XpayAppleSubscribeUnsigningResultNotifyEvent struct {
	Envelope
	OpenID                string                `xml:"OpenId" alias:"openid"` // the subscriber's OpenID
	Attach                string                `xml:"Attach"`                // the data passed when the subscription was signed
	Action                string                `xml:"Action"`                // "unsubscribe"
	AppleSubscriptionInfo AppleSubscriptionInfo `xml:"AppleSubscriptionInfo"` // the subscription; AutoRenewStatus is 0
}

// XpaySubscribeIOSRefundQueryNotifyEvent asks a 小程序 whether Apple should
// grant a refund a user requested for a virtual-payment purchase. WeChat
// asks three times; the reply is advice that Apple may ignore.
// The Event value is "xpay_subscribe_ios_refund_query_notify".
// See https://developers.weixin.qq.com/miniprogram/dev/platform-capabilities/business-capabilities/vip.html
type XpaySubscribeIOSRefundQueryNotifyEvent struct {
	Envelope
	RefundTime          time.Time `xml:"refund_time"`           // when WeChat asked
	OrderTime           time.Time `xml:"order_time"`            // when the refunded order was paid
	ChannelBill         string    `xml:"channel_bill"`          // Apple's receipt number
	BundleID            string    `xml:"bundleid"`              // the app's Apple bundle ID
	ProductID           string    `xml:"product_id"`            // the item's ID
	PCount              int       `xml:"p_count"`               // how many items or tokens
	RefundRequestReason string    `xml:"refund_request_reason"` // why the user asked, such as "UNINTENDED_PURCHASE"
	ProvideStatus       int       `xml:"provide_status"`        // 0 not delivered, 1 delivered, 2 being delivered
	PayOrderID          string    `xml:"pay_order_id"`          // the merchant's number of the refunded order
}

// WxaCommentBadScoreEvent is sent when a user gives the 小程序 a bad review
// (差评); the 小程序 may then reset its customer-service quota and write to
// the user.
// The Event value is "wxa_comment_bad_score".
// See https://developers.weixin.qq.com/miniprogram/dev/server/event_push/guarantee/negative.html
type WxaCommentBadScoreEvent struct {
	Envelope
	CommentID string `xml:"result>comment_id"` // the review's ID
}

// NearbyCategoryAuditInfoEvent is sent when the review of a category added
// to 附近的小程序 ends.
// The Event value is "nearby_category_audit_info".
// See https://developers.weixin.qq.com/miniprogram/dev/OpenApiDoc/nearby-poi/addNearbyPoi.html
type NearbyCategoryAuditInfoEvent struct {
	Envelope
	AuditID string `xml:"audit_id"` // the review's ID
	Status  int    `xml:"status"`   // 3 passed, 2 refused
	Reason  string `xml:"reason"`   // why it was refused
}

// ChargeServiceQuotaNotifyEvent warns that a service bought through 付费管理
// (such as the phone-number component) is running out: it is sent when 20%,
// 10%, 5% and 0% of the quota are left.
// The Event value is "charge_service_quota_notify".
// See https://developers.weixin.qq.com/miniprogram/dev/server/event_push/charge/charge_mp_service_quota_notify.html
type ChargeServiceQuotaNotifyEvent struct {
	Envelope
	EventType      int    `xml:"event_type"`                // 3 for a 小程序's own purchase
	AppID          string `xml:"appid" alias:"AppId,AppID"` // the 小程序's AppID
	SpuID          int64  `xml:"spu_id"`                    // the service bought
	SpuName        string `xml:"spu_name"`                  // the service's name
	TotalQuota     int64  `xml:"total_quota"`               // the quota bought
	TotalUsedQuota int64  `xml:"total_used_quota"`          // the quota used
}

// WxaliveFollowNotifyEvent is sent when a user subscribes to, or
// unsubscribes from, the live broadcasts (小程序直播) of a 小程序.
// The Event value is "wxalive_follow_notify".
// See https://developers.weixin.qq.com/miniprogram/dev/server/event_push/liveplayer/status_synchronization.html
type WxaliveFollowNotifyEvent struct {
	Envelope
	RoomID     int64     `xml:"FollowNotify>room_id"`     // the room the user was in
	UserOpenID string    `xml:"FollowNotify>user_openid"` // the user's OpenID
	Time       time.Time `xml:"FollowNotify>time"`        // when
	LiveStatus int       `xml:"FollowNotify>live_status"` // the room's status: 101 live, 102 not started, 103 ended
	Action     string    `xml:"FollowNotify>action"`      // "add_follow" or "del_follow"
}

// WxalivePushMessageNotifyEvent tells the final result of a live-start
// message sent to the long-term subscribers of a 小程序's live broadcasts.
// The Event value is "wxalive_push_message_notify".
// See https://developers.weixin.qq.com/miniprogram/dev/server/event_push/liveplayer/longterm_subscription.html
type WxalivePushMessageNotifyEvent struct {
	Envelope
	MessageID          string `xml:"PushMessageApiNotify>message_id"`            // the ID returned when the message was sent
	RoomID             int64  `xml:"PushMessageApiNotify>room_id"`               // the room
	TotalCount         int    `xml:"PushMessageApiNotify>total_count"`           // OpenIDs the message was sent to
	SuccessCount       int    `xml:"PushMessageApiNotify>success_count"`         // delivered
	OpenIDErrorCount   int    `xml:"PushMessageApiNotify>openid_error_count"`    // failed: OpenID wrong
	RelationErrorCount int    `xml:"PushMessageApiNotify>relation_error_count"`  // failed: the user does not follow the 小程序
	UserRecvLimitCount int    `xml:"PushMessageApiNotify>user_recv_limit_count"` // failed: the user's receiving limit was reached
	InternalErrorCount int    `xml:"PushMessageApiNotify>internal_error_count"`  // failed: other errors
}

// RetailRefundNotifyEvent tells the result of a refund of a B2B 门店助手
// payment.
// The Event value is "retail_refund_notify".
// See https://developers.weixin.qq.com/miniprogram/dev/server/API/B2b/bill/api_refundorder.html
type RetailRefundNotifyEvent struct {
	Envelope
	AppID        string `xml:"appid" alias:"AppId,AppID"` // the 小程序's AppID
	MchID        string `xml:"mchid"`                     // the WeChat Pay merchant ID
	OutRefundNo  string `xml:"out_refund_no"`             // the merchant's refund number
	RefundID     string `xml:"refund_id"`                 // the B2B payment's refund number
	OutTradeNo   string `xml:"out_trade_no"`              // the merchant's order number
	OrderID      string `xml:"order_id"`                  // the B2B payment's order number
	RefundAmount int64  `xml:"refund_amount"`             // the amount refunded, fen
	OrderAmount  int64  `xml:"order_amount"`              // the order's total, fen
	RefundFrom   int    `xml:"refund_from"`               // 1 by customer service, 2 by the user, 3 other
	RefundReason int    `xml:"refund_reason"`             // 0 none given, 1 product, 2 after-sales, 3 changed mind, 4 price, 5 other
	// RefundCreateTime is when the refund was accepted (wire element
	// create_time), as sent: local time written "2006-01-02 15:04:05". It
	// is not named CreateTime so that it does not hide Envelope.CreateTime.
	RefundCreateTime string `xml:"create_time"`
	// RefundTime is when the refund succeeded, as sent: local time written
	// "2006-01-02 15:04:05"; only for a successful refund.
	RefundTime    string `xml:"refund_time"`
	RefundStatus  string `xml:"refund_status"`   // "REFUND_SUCC" or "REFUND_FAIL"
	WxpayRefundID string `xml:"wxpay_refund_id"` // the WeChat Pay refund number
	Env           int    `xml:"env"`             // 0 production, 1 sandbox
	PayChannel    int    `xml:"pay_channel"`     // 0 WeChat Pay, 1 bank transfer
	RefundDesc    string `xml:"refund_desc"`     // the result's text; says why a refund failed
}

// ApplyMerchantAuditInfoEvent is sent when the review of a 门店小程序
// application ends.
// The Event value is "apply_merchant_audit_info".
// See https://developers.weixin.qq.com/doc/offiaccount/WeChat_Stores/WeChat_Shop_Miniprogram_Interface.html
type ApplyMerchantAuditInfoEvent struct {
	Envelope
	AuditID int64  `xml:"audit_id"` // the review's ID
	Status  int    `xml:"status"`   // 1 passed, 2 under review, 3 refused, ...
	Reason  string `xml:"reason"`   // why it was refused
}

// CreateMapPoiAuditInfoEvent is sent when the review of a place created in
// Tencent Maps for a store ends.
// The Event value is "create_map_poi_audit_info".
// See https://developers.weixin.qq.com/doc/offiaccount/WeChat_Stores/WeChat_Shop_Miniprogram_Interface.html
type CreateMapPoiAuditInfoEvent struct {
	Envelope
	AuditID   int64   `xml:"audit_id"`   // the review's ID
	Status    int     `xml:"status"`     // 1 passed, 2 under review, 3 refused, ...
	MapPoiID  string  `xml:"map_poi_id"` // the place's ID in Tencent Maps
	Name      string  `xml:"name"`       // the place's name
	Address   string  `xml:"address"`    // the place's address
	Latitude  float64 `xml:"latitude"`   // degrees
	Longitude float64 `xml:"longitude"`  // degrees
	ShRemark  string  `xml:"sh_remark"`  // the reviewer's remark
}

// AddStoreAuditInfoEvent is sent when the review of a store created or
// completed in a 门店小程序 ends.
// The Event value is "add_store_audit_info".
// See https://developers.weixin.qq.com/doc/offiaccount/WeChat_Stores/WeChat_Shop_Miniprogram_Interface.html
type AddStoreAuditInfoEvent struct {
	Envelope
	AuditID   int64  `xml:"audit_id"`   // the review's ID
	Status    int    `xml:"status"`     // 1 passed, 2 under review, 3 refused, ...
	Reason    string `xml:"reason"`     // why it was refused
	IsUpgrade int    `xml:"is_upgrade"` // 0 a new store, 1 a store completed with more data
	PoiID     string `xml:"poiid"`      // the store's ID; set when Status is 1
}

// ModifyStoreAuditInfoEvent is sent when the review of a store's changed
// pictures ends.
// The Event value is "modify_store_audit_info".
// See https://developers.weixin.qq.com/doc/offiaccount/WeChat_Stores/WeChat_Shop_Miniprogram_Interface.html
type ModifyStoreAuditInfoEvent struct {
	Envelope
	AuditID int64  `xml:"audit_id"` // the review's ID
	Status  int    `xml:"status"`   // 1 passed, 2 under review, 3 refused, ...
	Reason  string `xml:"reason"`   // why it was refused
}

// miniProgramEvents registers the 小程序 events, including those a
// third-party platform receives for the mini programs it manages.
var miniProgramEvents = []builtin{
	{nsEvent, "user_enter_tempsession", newOf[UserEnterTempSessionEvent]},
	{nsEvent, "wxa_media_check", newOf[WxaMediaCheckEvent]},
	{nsEvent, "weapp_audit_success", newOf[WeappAuditSuccessEvent]},
	{nsEvent, "weapp_audit_fail", newOf[WeappAuditFailEvent]},
	{nsEvent, "weapp_audit_delay", newOf[WeappAuditDelayEvent]},
	{nsEvent, "wxa_nickname_audit", newOf[WxaNicknameAuditEvent]},
	{nsEvent, "wxa_category_audit", newOf[WxaCategoryAuditEvent]},
	{nsEvent, "wxa_privacy_apply", newOf[WxaPrivacyApplyEvent]},
	{nsEvent, "wxa_appeal_record", newOf[WxaAppealRecordEvent]},
	{nsEvent, "wxa_illegal_record", newOf[WxaIllegalRecordEvent]},
	{nsEvent, "add_express_path", newOf[AddExpressPathEvent]},
	{nsEvent, "trade_manage_remind_access_api", newOf[TradeManageRemindAccessAPIEvent]},
	{nsEvent, "trade_manage_remind_shipping", newOf[TradeManageRemindShippingEvent]},
	{nsEvent, "trade_manage_order_settlement", newOf[TradeManageOrderSettlementEvent]},
	{nsEvent, "secvod_upload_event", newOf[SecvodUploadEvent]},
	{nsEvent, "secvod_audit_event", newOf[SecvodAuditEvent]},
	{nsEvent, "xpay_goods_deliver_notify", newOf[XpayGoodsDeliverNotifyEvent]},
	{nsEvent, "xpay_coin_pay_notify", newOf[XpayCoinPayNotifyEvent]},
	{nsEvent, "xpay_refund_notify", newOf[XpayRefundNotifyEvent]},
	{nsEvent, "xpay_complaint_notify", newOf[XpayComplaintNotifyEvent]},
	{nsEvent, "add_nearby_poi_audit_info", newOf[AddNearbyPoiAuditInfoEvent]},
	{nsEvent, "nearby_category_audit_info", newOf[NearbyCategoryAuditInfoEvent]},
	{nsEvent, "xpay_apple_subscribe_signing_result_notify", newOf[XpayAppleSubscribeSigningResultNotifyEvent]},
	{nsEvent, "xpay_apple_subscribe_unsigning_result_notify", newOf[XpayAppleSubscribeUnsigningResultNotifyEvent]},
	{nsEvent, "xpay_subscribe_ios_refund_query_notify", newOf[XpaySubscribeIOSRefundQueryNotifyEvent]},
	{nsEvent, "wxa_comment_bad_score", newOf[WxaCommentBadScoreEvent]},
	{nsEvent, "charge_service_quota_notify", newOf[ChargeServiceQuotaNotifyEvent]},
	{nsEvent, "wxalive_follow_notify", newOf[WxaliveFollowNotifyEvent]},
	{nsEvent, "wxalive_push_message_notify", newOf[WxalivePushMessageNotifyEvent]},
	{nsEvent, "retail_refund_notify", newOf[RetailRefundNotifyEvent]},
	{nsEvent, "apply_merchant_audit_info", newOf[ApplyMerchantAuditInfoEvent]},
	{nsEvent, "create_map_poi_audit_info", newOf[CreateMapPoiAuditInfoEvent]},
	{nsEvent, "add_store_audit_info", newOf[AddStoreAuditInfoEvent]},
	{nsEvent, "modify_store_audit_info", newOf[ModifyStoreAuditInfoEvent]},
}
