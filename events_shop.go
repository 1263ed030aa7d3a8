package wechatevent

// The events of the 小程序 trading component (自定义版交易组件, the former
// 小商店 open component) and of its funds account. WeChat wraps the payload
// of each in one element (order_info, aftersale_info, QualificationAuditResult
// ...); those single-object wrappers are flattened into the events.

// OpenProductSpuAuditEvent is sent when the review of a product submitted to
// the trading component ends.
// The Event value is "open_product_spu_audit".
// See https://developers.weixin.qq.com/miniprogram/dev/platform-capabilities/business-capabilities/ministore/minishopopencomponent2/callback/spu_audit.html
type OpenProductSpuAuditEvent struct {
	Envelope
	OutProductID string `xml:"OpenProductSpuAudit>out_product_id"` // the merchant's product ID
	ProductID    int64  `xml:"OpenProductSpuAudit>product_id"`     // the platform's product ID
	Status       int    `xml:"OpenProductSpuAudit>status"`         // 4 passed, 3 refused
	SpuStatus    int    `xml:"OpenProductSpuAudit>spu_status"`     // whether the product is on sale now, as the product API reports it
	RejectReason string `xml:"OpenProductSpuAudit>reject_reason"`  // why it was refused; empty when it passed
}

// OpenProductSpuStatusUpdateEvent is sent when the platform takes a product
// off sale, or puts it back on sale.
// The Event value is "open_product_spu_status_update".
// See https://developers.weixin.qq.com/miniprogram/dev/platform-capabilities/business-capabilities/ministore/minishopopencomponent2/callback/spu_status_update.html
type OpenProductSpuStatusUpdateEvent struct {
	Envelope
	OutProductID string `xml:"OpenProductSpuStatusUpdate>out_product_id"` // the merchant's product ID
	ProductID    int64  `xml:"OpenProductSpuStatusUpdate>product_id"`     // the platform's product ID
	Status       int    `xml:"OpenProductSpuStatusUpdate>status"`         // 13 taken off sale by the platform, 5 back on sale
	Reason       string `xml:"OpenProductSpuStatusUpdate>reason"`         // why
}

// OpenProductCategoryAuditEvent is sent when the review of a category
// qualification (类目资质) ends.
// The Event value is "open_product_category_audit".
// See https://developers.weixin.qq.com/miniprogram/dev/platform-capabilities/business-capabilities/ministore/minishopopencomponent2/callback/category_audit.html
type OpenProductCategoryAuditEvent struct {
	Envelope
	AuditID      string `xml:"QualificationAuditResult>audit_id"`      // the review's ID
	Status       int    `xml:"QualificationAuditResult>status"`        // 1 passed, 9 refused
	AuditType    int    `xml:"QualificationAuditResult>audit_type"`    // 1 brand, 2 category
	RejectReason string `xml:"QualificationAuditResult>reject_reason"` // why it was refused
}

// OpenProductBrandAuditEvent is sent when the review of a brand
// qualification (品牌资质) ends.
// The Event value is "open_product_brand_audit".
// See https://developers.weixin.qq.com/miniprogram/dev/platform-capabilities/business-capabilities/ministore/minishopopencomponent2/callback/brand_audit.html
type OpenProductBrandAuditEvent struct {
	Envelope
	AuditID      string `xml:"QualificationAuditResult>audit_id"`      // the review's ID
	Status       int    `xml:"QualificationAuditResult>status"`        // 1 passed, 9 refused
	AuditType    int    `xml:"QualificationAuditResult>audit_type"`    // 1 brand, 2 category
	RejectReason string `xml:"QualificationAuditResult>reject_reason"` // why it was refused
	BrandID      int64  `xml:"QualificationAuditResult>brand_id"`      // the brand's ID
}

// OpenProductSceneGroupAuditEvent is sent when the review of a scene (场景,
// such as 视频号 and 公众号) the trading component applied for ends.
// The Event value is "open_product_scene_group_audit".
// See https://developers.weixin.qq.com/miniprogram/dev/platform-capabilities/business-capabilities/ministore/minishopopencomponent2/callback/scene_group_audit.html
type OpenProductSceneGroupAuditEvent struct {
	Envelope
	GroupID           int64           `xml:"SceneGroupAudit>group_id"`             // the scene's ID
	Reason            string          `xml:"SceneGroupAudit>reason"`               // the reviewer's text
	Name              string          `xml:"SceneGroupAudit>name"`                 // the scene's name
	SceneGroupExtList []SceneGroupExt `xml:"SceneGroupAudit>scene_group_ext_list"` // one entry per item reviewed, however many
}

// SceneGroupExt is the result for one item of a scene review.
type SceneGroupExt struct {
	ExtID  int    `xml:"ext_id"` // the item: 1 customer service and after-sales, 2 e-commerce platform
	Status int    `xml:"status"` // 0 under review, 1 passed, 2 refused, 3 not reviewed
	Name   string `xml:"name"`   // the item's name
}

// OpenProductAccountRegisterEvent is sent when a merchant's access to the
// trading component changes, such as when the merchant cancels it.
// The Event value is "open_product_account_register".
// See https://developers.weixin.qq.com/miniprogram/dev/platform-capabilities/business-capabilities/ministore/minishopopencomponent2/callback/account_register.html
type OpenProductAccountRegisterEvent struct {
	Envelope
	Status int `xml:"OpenProductAccountRegister>status"` // the access status
}

// OpenProductOrderPayEvent is sent when a user has paid an order of the
// trading component.
// The Event value is "open_product_order_pay".
// See https://developers.weixin.qq.com/miniprogram/dev/platform-capabilities/business-capabilities/ministore/minishopopencomponent2/callback/order_success.html
type OpenProductOrderPayEvent struct {
	Envelope
	OrderID       int64  `xml:"order_info>order_id"`       // the platform's order ID
	OutOrderID    string `xml:"order_info>out_order_id"`   // the merchant's order ID
	TransactionID string `xml:"order_info>transaction_id"` // the WeChat Pay transaction ID
	// PayTime is when the order was paid, as sent: local time written
	// "2006-01-02 15:04:05", not UNIX seconds.
	PayTime             string            `xml:"order_info>pay_time"`
	Amount              int64             `xml:"order_info>amount"`                                      // the amount paid, fen
	PayerAmount         int64             `xml:"order_info>payer_amount"`                                // what the user paid after coupons, fen; 0 when not sent
	SpOpenID            string            `xml:"order_info>sp_openid"`                                   // the user's OpenID under the service provider's AppID
	PromotionDetailList []PromotionDetail `xml:"order_info>promotion_detail_info>promotion_detail_list"` // the WeChat Pay coupons used, however many
}

// PromotionDetail is one WeChat Pay coupon used on an order.
type PromotionDetail struct {
	CouponID            string               `xml:"coupon_id"`            // the coupon's ID
	Name                string               `xml:"name"`                 // the coupon's name
	Scope               string               `xml:"scope"`                // "GLOBAL" whole order, "SINGLE" single items
	Type                string               `xml:"type"`                 // "CASH" or "NOCASH"
	Amount              int64                `xml:"amount"`               // the coupon's value, fen
	StockID             string               `xml:"stock_id"`             // the campaign's ID
	WechatpayContribute int64                `xml:"wechatpay_contribute"` // paid by WeChat Pay, fen
	MerchantContribute  int64                `xml:"merchant_contribute"`  // paid by the merchant, fen
	OtherContribute     int64                `xml:"other_contribute"`     // paid by others, fen
	GoodsDetails        []PromotionGoodsItem `xml:"goods_detail"`         // the items a single-item coupon applied to
}

// PromotionGoodsItem is one item a coupon applied to.
type PromotionGoodsItem struct {
	GoodsID   string `xml:"goods_id"`   // the item's code
	Quantity  int    `xml:"quantity"`   // how many
	UnitPrice int64  `xml:"unit_price"` // the unit price, fen
}

// OpenProductOrderCancelEvent is sent when an order of the trading component
// is cancelled.
// The Event value is "open_product_order_cancel".
// See https://developers.weixin.qq.com/miniprogram/dev/platform-capabilities/business-capabilities/ministore/minishopopencomponent2/callback/order_cancel.html
type OpenProductOrderCancelEvent struct {
	Envelope
	OrderID    int64  `xml:"order_info>order_id"`     // the platform's order ID
	OutOrderID string `xml:"order_info>out_order_id"` // the merchant's order ID
	CancelType int    `xml:"order_info>cancel_type"`  // why: 1 the user cancelled, 2 unpaid in time, ...
}

// OpenProductOrderConfirmEvent is sent when the user confirms receipt of an
// order of the trading component.
// The Event value is "open_product_order_confirm".
// See https://developers.weixin.qq.com/miniprogram/dev/platform-capabilities/business-capabilities/ministore/minishopopencomponent2/callback/order_confirm.html
type OpenProductOrderConfirmEvent struct {
	Envelope
	OrderID    int64  `xml:"order_info>order_id"`     // the platform's order ID
	OutOrderID string `xml:"order_info>out_order_id"` // the merchant's order ID
}

// OpenProductOrderSettleEvent is sent when an order of the trading component
// has been settled to the merchant.
// The Event value is "open_product_order_settle".
// See https://developers.weixin.qq.com/miniprogram/dev/platform-capabilities/business-capabilities/ministore/minishopopencomponent2/callback/order_settle.html
type OpenProductOrderSettleEvent struct {
	Envelope
	OrderID    int64  `xml:"order_info>order_id"`     // the platform's order ID
	OutOrderID string `xml:"order_info>out_order_id"` // the merchant's order ID
	SettleNo   string `xml:"order_info>settle_no"`    // the settlement's number
	Amount     int64  `xml:"order_info>amount"`       // the amount settled, fen
	// SettleTime is when it was settled, as sent: local time written
	// "2006-01-02 15:04:05".
	SettleTime string `xml:"order_info>settle_time"`
}

// AftersaleNewOrderEvent is sent when a user applies for after-sales service
// (售后) on an order of the trading component.
// The Event value is "aftersale_new_order".
// See https://developers.weixin.qq.com/miniprogram/dev/platform-capabilities/business-capabilities/ministore/minishopopencomponent2/callback/aftersale/aftersale_user_new_order.html
type AftersaleNewOrderEvent struct {
	Envelope
	AftersaleID int64  `xml:"aftersale_info>aftersale_id"` // the platform's after-sales ID
	OrderID     int64  `xml:"aftersale_info>order_id"`     // the platform's order ID
	OutOrderID  string `xml:"aftersale_info>out_order_id"` // the merchant's order ID
}

// AftersaleUserCancelWaybillEvent is sent when a user withdraws the return
// shipment of an after-sales case; the case goes back to waiting for the
// return.
// The Event value is "aftersale_user_cancel_waybill".
// See https://developers.weixin.qq.com/miniprogram/dev/platform-capabilities/business-capabilities/ministore/minishopopencomponent2/callback/aftersale/aftersale_user_cancel_waybill.html
type AftersaleUserCancelWaybillEvent struct {
	Envelope
	AftersaleID    int64  `xml:"aftersale_info>aftersale_id"`     // the platform's after-sales ID
	OutAftersaleID string `xml:"aftersale_info>out_aftersale_id"` // the merchant's after-sales ID
}

// FundsOrderPayEvent is sent when an order paid into the trading
// component's funds account (商户号) succeeds.
// The Event value is "funds_order_pay".
// See https://developers.weixin.qq.com/miniprogram/dev/platform-capabilities/business-capabilities/ministore/wxafunds/callback/create_order.html
type FundsOrderPayEvent struct {
	Envelope
	TradeNo       string `xml:"order_info>trade_no"`       // the merchant's transaction number
	TransactionID string `xml:"order_info>transaction_id"` // the payment's number
	// PayTime is when it was paid, as sent: local time written
	// "2006-01-02 15:04:05".
	PayTime string `xml:"order_info>pay_time"`
}

// FundsOrderRefundEvent tells the result of a refund from the trading
// component's funds account.
// The Event value is "funds_order_refund".
// See https://developers.weixin.qq.com/miniprogram/dev/platform-capabilities/business-capabilities/ministore/wxafunds/callback/refunds_order.html
type FundsOrderRefundEvent struct {
	Envelope
	RefundNo string `xml:"order_info>refund_no"` // the merchant's refund number
	Status   string `xml:"order_info>status"`    // "SUCCESS", "CLOSE" or "ABNORMAL"
	// SuccessTime is when the refund succeeded, as sent: local time written
	// "2006-01-02 15:04:05"; only when Status is "SUCCESS".
	SuccessTime string `xml:"order_info>success_time"`
	Message     string `xml:"order_info>message"` // why the refund failed
}

// ComplaintNotifyEvent is sent when a dispute (纠纷单) about an after-sales
// case of the trading component moves on, for example when the user
// complains or the platform asks for evidence.
// The Event value is "complaint_notify".
// See https://developers.weixin.qq.com/miniprogram/dev/platform-capabilities/business-capabilities/ministore/minishopopencomponent2/callback/Introduction.html
type ComplaintNotifyEvent struct {
	Envelope
	ComplaintOrderID int64 `xml:"complaint_info>complaint_order_id"` // the dispute's ID
	State            int   `xml:"complaint_info>state"`              // the dispute's state
	// ComplaintEvent is what happened (wire element complaint_info>event),
	// such as 240001 the user complained or 240031 the refund succeeded. It
	// is not named Event so that it does not hide Envelope.Event.
	ComplaintEvent int `xml:"complaint_info>event"`
}

// MiniProgramSharerBindStatusChangeEvent is sent when a sharer (分享员) of
// the trading component is bound or unbound.
// The Event value is "miniprogram_sharer_bind_status_change".
// See https://developers.weixin.qq.com/miniprogram/dev/platform-capabilities/business-capabilities/ministore/minishopopencomponent2/callback/sharer_bind_staus_change.html
type MiniProgramSharerBindStatusChangeEvent struct {
	Envelope
	OpenID     string `xml:"openid"`      // the sharer's OpenID
	BindStatus int    `xml:"bind_status"` // the new binding status
}

// shopEvents registers the events of the 小程序 trading component and its
// funds account.
var shopEvents = []builtin{
	{nsEvent, "open_product_spu_audit", newOf[OpenProductSpuAuditEvent]},
	{nsEvent, "open_product_spu_status_update", newOf[OpenProductSpuStatusUpdateEvent]},
	{nsEvent, "open_product_category_audit", newOf[OpenProductCategoryAuditEvent]},
	{nsEvent, "open_product_brand_audit", newOf[OpenProductBrandAuditEvent]},
	{nsEvent, "open_product_scene_group_audit", newOf[OpenProductSceneGroupAuditEvent]},
	{nsEvent, "open_product_account_register", newOf[OpenProductAccountRegisterEvent]},
	{nsEvent, "open_product_order_pay", newOf[OpenProductOrderPayEvent]},
	{nsEvent, "open_product_order_cancel", newOf[OpenProductOrderCancelEvent]},
	{nsEvent, "open_product_order_confirm", newOf[OpenProductOrderConfirmEvent]},
	{nsEvent, "open_product_order_settle", newOf[OpenProductOrderSettleEvent]},
	{nsEvent, "aftersale_new_order", newOf[AftersaleNewOrderEvent]},
	{nsEvent, "aftersale_user_cancel_waybill", newOf[AftersaleUserCancelWaybillEvent]},
	{nsEvent, "funds_order_pay", newOf[FundsOrderPayEvent]},
	{nsEvent, "funds_order_refund", newOf[FundsOrderRefundEvent]},
	{nsEvent, "complaint_notify", newOf[ComplaintNotifyEvent]},
	{nsEvent, "miniprogram_sharer_bind_status_change", newOf[MiniProgramSharerBindStatusChangeEvent]},
}
