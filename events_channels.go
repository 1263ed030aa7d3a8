package wechatevent

import "time"

// The pushes of 微信小店 (formerly 视频号小店, WeChat Channels shops). WeChat
// sends them in JSON only, in security mode only, to the shop's message-push
// URL, and retries a push that gets no answer within 5 s up to 10 times over
// about 3.6 hours. The payload of most sits in one object (order_info,
// finder_shop_aftersale_status_update, ProductSpuAudit ...), flattened into
// the event.
//
// Order and after-sale IDs are 19-digit numbers that WeChat writes sometimes
// as JSON numbers, sometimes as strings; they are strings here, which keep the
// exact digits either way (a float64 would corrupt them).

// ChannelsECOrderNewEvent is sent when a buyer places an order in the shop.
// The Event value is "channels_ec_order_new".
// See https://developers.weixin.qq.com/doc/store/shop/notify/order_callback/channels_ec_order_new.html
type ChannelsECOrderNewEvent struct {
	Envelope
	OrderID string `xml:"order_info>order_id"` // the order's ID
}

// ChannelsECOrderCancelEvent is sent when an order is cancelled.
// The Event value is "channels_ec_order_cancel".
// See https://developers.weixin.qq.com/doc/store/shop/notify/order_callback/channels_ec_order_cancel.html
type ChannelsECOrderCancelEvent struct {
	Envelope
	OrderID string `xml:"order_info>order_id"` // the order's ID
	// CancelType is 1 cancelled by the buyer, 2 not paid in time, 3 every
	// item refunded after sale, 4 cancelled by the merchant for overselling.
	CancelType int `xml:"order_info>cancel_type"`
}

// ChannelsECOrderPayEvent is sent when an order has been paid.
// The Event value is "channels_ec_order_pay".
// See https://developers.weixin.qq.com/doc/store/shop/notify/order_callback/channels_ec_order_pay.html
type ChannelsECOrderPayEvent struct {
	Envelope
	OrderID string    `xml:"order_info>order_id"` // the order's ID
	PayTime time.Time `xml:"order_info>pay_time"` // when it was paid
}

// ChannelsECOrderWaitShippingEvent is sent when a paid order is ready to be
// shipped.
// The Event value is "channels_ec_order_wait_shipping".
// See https://developers.weixin.qq.com/doc/store/shop/notify/order_callback/channels_ec_order_wait_shipping.html
type ChannelsECOrderWaitShippingEvent struct {
	Envelope
	OrderID string `xml:"order_info>order_id"` // the order's ID
}

// ChannelsECOrderDeliverEvent is sent when items of an order have shipped.
// The Event value is "channels_ec_order_deliver".
// See https://developers.weixin.qq.com/doc/store/shop/notify/order_callback/channels_ec_order_deliver.html
type ChannelsECOrderDeliverEvent struct {
	Envelope
	OrderID        string `xml:"order_info>order_id"`        // the order's ID
	FinishDelivery int    `xml:"order_info>finish_delivery"` // 1 every item has shipped, 0 not yet
}

// ChannelsECOrderConfirmEvent is sent when the receipt of an order is
// confirmed.
// The Event value is "channels_ec_order_confirm".
// See https://developers.weixin.qq.com/doc/store/shop/notify/order_callback/channels_ec_order_confirm.html
type ChannelsECOrderConfirmEvent struct {
	Envelope
	OrderID     string `xml:"order_info>order_id"`     // the order's ID
	ConfirmType int    `xml:"order_info>confirm_type"` // 1 confirmed by the buyer, 2 automatically when the time ran out
}

// ChannelsECOrderSettleEvent is sent when an order has been settled.
// The Event value is "channels_ec_order_settle".
// See https://developers.weixin.qq.com/doc/store/shop/notify/order_callback/channels_ec_order_settle.html
type ChannelsECOrderSettleEvent struct {
	Envelope
	OrderID    string    `xml:"order_info>order_id"`    // the order's ID
	SettleTime time.Time `xml:"order_info>settle_time"` // when it was settled
}

// ChannelsECOrderExtInfoUpdateEvent is sent when other information of an
// order changes: the shipping address (changed by the merchant, asked for by
// the buyer, and the buyer's answer to a change), the merchant's note, the
// price, the sharer, a virtual phone number, a SKU swap and more.
// The Event value is "channels_ec_order_ext_info_update".
// See https://developers.weixin.qq.com/doc/store/shop/notify/order_callback/channels_ec_order_ext_info.html
type ChannelsECOrderExtInfoUpdateEvent struct {
	Envelope
	OrderID string `xml:"order_info>order_id"` // the order's ID
	// Type says what changed: 1 affiliate commission, 2 address changed by
	// the merchant or on the buyer's request, 3 merchant's note, 4 the buyer
	// asks to change the address, 5 virtual phone number, 6 sharer, 7 the
	// buyer urges shipping, 8 gift note, 9 the buyer asks to swap a SKU
	// before shipping, 10 the merchant agreed to the swap, 11 SKU swapped on
	// receiving a gift, 12 price, 13 real-number review, 14 dropshipping
	// assigned, 15 dropshipping cancelled, 16 the buyer accepted the new
	// address, 17 the buyer refused it, 18 the buyer did not answer in time,
	// 19 the buyer changed the address, 20 the change came after shipping,
	// 21 to 23 the buyer accepted, refused or let lapse a shipping
	// negotiation.
	Type int `xml:"order_info>type"`
}

// ProductOrderStatusUpdateEvent is sent by the older 视频号小店 API when the
// status of an order changes.
// The Event value is "product_order_status_update".
// See https://developers.weixin.qq.com/doc/channels/API/order/callback/product_order_status_update.html
type ProductOrderStatusUpdateEvent struct {
	Envelope
	OrderID string `xml:"ProductOrderStatusUpdate>order_id"` // the order's ID
	Status  int    `xml:"ProductOrderStatusUpdate>status"`   // the order's new status, as the order API numbers them
}

// ChannelsECAftersaleUpdateEvent is sent when an after-sale request
// (refund, return) changes status.
// The Event value is "channels_ec_aftersale_update".
// See https://developers.weixin.qq.com/doc/store/shop/notify/aftersale_callback/channels_ec_aftersale_update.html
type ChannelsECAftersaleUpdateEvent struct {
	Envelope
	// Status is the request's new status, such as "USER_CANCELD",
	// "MERCHANT_PROCESSING", "MERCHANT_REJECT_REFUND", "USER_WAIT_RETURN",
	// "MERCHANT_WAIT_RECEIPT", "MERCHANT_REFUND_SUCCESS" or
	// "PLATFORM_REFUNDING".
	Status                string `xml:"finder_shop_aftersale_status_update>status"`
	AfterSaleOrderID      string `xml:"finder_shop_aftersale_status_update>after_sale_order_id"`      // the after-sale request's ID
	OrderID               string `xml:"finder_shop_aftersale_status_update>order_id"`                 // the order's ID
	WxaVipDiscountedPrice int64  `xml:"finder_shop_aftersale_status_update>wxa_vip_discounted_price"` // the 小程序 membership discount already granted, fen
}

// ChannelsECPresentAftersaleUpdateEvent is sent when an after-sale request
// for a gift changes status.
// The Event value is "channels_ec_present_aftersale_update".
// See https://developers.weixin.qq.com/doc/store/shop/API/aftersale/ec_callback/channels_ec_present_aftersale_update.html
type ChannelsECPresentAftersaleUpdateEvent struct {
	Envelope
	Status           string `xml:"finder_shop_present_aftersale_status_update>status"`              // the request's new status, as for ChannelsECAftersaleUpdateEvent
	AfterSaleOrderID string `xml:"finder_shop_present_aftersale_status_update>after_sale_order_id"` // the after-sale request's ID
	OrderID          string `xml:"finder_shop_present_aftersale_status_update>order_id"`            // the order's ID
}

// ChannelsECGuaranteeUpdateEvent is sent when a guarantee order (保障单) of
// an order changes status.
// The Event value is "channels_ec_guarantee_update".
// See https://developers.weixin.qq.com/doc/store/shop/API/aftersale/ec_callback/channels_ec_guarantee_update.html
type ChannelsECGuaranteeUpdateEvent struct {
	Envelope
	Status           string `xml:"finder_shop_guarantee_status_update>status"`             // the new status, such as "STATUS_PAY_SUCC"
	GuaranteeOrderID string `xml:"finder_shop_guarantee_status_update>guarantee_order_id"` // the guarantee order's ID
	OrderID          string `xml:"finder_shop_guarantee_status_update>order_id"`           // the order's ID
}

// ChannelsECComplaintUpdateEvent is sent when a dispute (纠纷单) over an
// after-sale request changes status.
// The Event value is "channels_ec_complaint_update".
// See https://developers.weixin.qq.com/doc/store/shop/notify/aftersale_callback/channels_ec_complaint_update.html
type ChannelsECComplaintUpdateEvent struct {
	Envelope
	// ComplaintStatus is the dispute's status: 100 waiting for the
	// merchant, 101 waiting for customer service, 103 being handled, 104 to
	// 109 evidence asked for or supplied, 110 waiting for the merchant to
	// confirm, 111 the merchant appeals, 112 mediated, 114 refunding again,
	// 116 closed, 305 and 307 evidence overdue from the buyer or merchant.
	ComplaintStatus  int    `xml:"finder_shop_complaint>complaint_status"`
	AfterSaleOrderID string `xml:"finder_shop_complaint>after_sale_order_id"` // the after-sale request's ID
	ComplaintID      string `xml:"finder_shop_complaint>complaint_id"`        // the dispute's ID
	OrderID          string `xml:"finder_shop_complaint>order_id"`            // the order's ID
}

// ProductSpuAuditEvent is sent when the review of a product ends.
// The Event value is "product_spu_audit".
// See https://developers.weixin.qq.com/doc/store/shop/notify/product_callback/ProductSpuAudit.html
type ProductSpuAuditEvent struct {
	Envelope
	ProductID string `xml:"ProductSpuAudit>product_id"` // the product's ID
	Status    int    `xml:"ProductSpuAudit>status"`     // 2 refused, 3 passed, 4 review withdrawn
	Reason    string `xml:"ProductSpuAudit>reason"`     // why; often empty
	AuditInfo string `xml:"ProductSpuAudit>audit_info"` // the reviewer's findings as JSON text; empty when not sent
}

// ProductSpuListingEvent is sent when a product is put on sale or taken off
// sale, by the merchant or by the platform.
// The Event value is "product_spu_listing".
// See https://developers.weixin.qq.com/doc/store/shop/notify/product_callback/ProductSpuListing.html
type ProductSpuListingEvent struct {
	Envelope
	ProductID string `xml:"ProductSpuListing>product_id"` // the product's ID
	Status    int    `xml:"ProductSpuListing>status"`     // 5 on sale, 11 taken off by the merchant, 13 taken off by the platform
	Reason    string `xml:"ProductSpuListing>reason"`     // why; often empty
}

// ProductSpuUpdateEvent is sent when a product's data has been changed.
// The Event value is "product_spu_update".
// See https://developers.weixin.qq.com/doc/store/shop/notify/product_callback/ProductSpuUpdate.html
type ProductSpuUpdateEvent struct {
	Envelope
	ProductID string `xml:"ProductSpuUpdate>product_id"` // the product's ID
	Status    int    `xml:"ProductSpuUpdate>status"`     // the product's status, as the product API numbers them
}

// ProductCategoryAuditEvent is sent when the review of a category
// application ends.
// The Event value is "product_category_audit".
// See https://developers.weixin.qq.com/doc/store/shop/notify/category_callback/ProductCategoryAudit.html
type ProductCategoryAuditEvent struct {
	Envelope
	AuditID string `xml:"ProductCategoryAudit>audit_id"` // the review's ID
	Status  int    `xml:"ProductCategoryAudit>status"`   // 1 under review, 2 refused, 3 passed, 12 withdrawn by the merchant
	Reason  string `xml:"ProductCategoryAudit>reason"`   // why
}

// ChannelsECBrandEvent is sent when a brand qualification of the shop
// changes: added, updated, withdrawn, reviewed, deleted or revoked.
// The Event value is "channels_ec_brand".
// See https://developers.weixin.qq.com/doc/channels/API/brand/callback/brand_event.html
type ChannelsECBrandEvent struct {
	Envelope
	BrandID string `xml:"BrandEvent>brand_id"` // the brand's number in the brand library
	AuditID string `xml:"BrandEvent>audit_id"` // the review's ID
	// Status is 1 brand added, 2 updated, 3 review withdrawn, 4 passed,
	// 5 refused, 6 deleted, 7 qualification revoked by the platform.
	Status int    `xml:"BrandEvent>status"`
	Reason string `xml:"BrandEvent>reason"` // why; often empty
}

// ChannelsECStockNoEnoughEvent is sent when a SKU runs low on stock.
// The Event value is "channels_ec_stock_no_enough".
// See https://developers.weixin.qq.com/doc/channels/locallife/api/callback_inventory.html
type ChannelsECStockNoEnoughEvent struct {
	Envelope
	ProductID            string `xml:"channels_ec_stock_no_enough>product_id"`             // the product's ID
	SkuID                string `xml:"channels_ec_stock_no_enough>sku_id"`                 // the SKU's ID
	RemainingStockAmount int64  `xml:"channels_ec_stock_no_enough>remaining_stock_amount"` // the stock left now
	RemainingCodeAmount  int64  `xml:"channels_ec_stock_no_enough>remaining_code_amount"`  // pre-stored voucher codes not yet issued; 0 for other products
}

// ChannelsECCouponReceiveEvent is sent when a buyer claims a coupon of the
// shop.
// The Event value is "channels_ec_coupon_receive".
// See https://developers.weixin.qq.com/doc/store/shop/notify/coupon_callback/channels_ec_coupon_receive.html
type ChannelsECCouponReceiveEvent struct {
	Envelope
	CouponID     string    `xml:"receive_info>coupon_id"`      // the coupon's ID
	UserCouponID string    `xml:"receive_info>user_coupon_id"` // the buyer's copy of it
	ReceiveTime  time.Time `xml:"receive_info>receive_time"`   // when it was claimed
}

// ChannelsECCouponCreateEvent is sent when the merchant creates a coupon.
// The Event value is "channels_ec_coupon_create".
// See https://developers.weixin.qq.com/doc/store/shop/notify/coupon_callback/channels_ec_coupon_create.html
type ChannelsECCouponCreateEvent struct {
	Envelope
	CouponID   string    `xml:"coupon_info>coupon_id"`   // the coupon's ID
	CreateTime time.Time `xml:"coupon_info>create_time"` // when it was created
}

// ChannelsECCouponDeleteEvent is sent when the merchant deletes a coupon.
// The Event value is "channels_ec_coupon_delete".
// See https://developers.weixin.qq.com/doc/store/shop/notify/coupon_callback/channels_ec_coupon_delete.html
type ChannelsECCouponDeleteEvent struct {
	Envelope
	CouponID   string    `xml:"coupon_info>coupon_id"`   // the coupon's ID
	DeleteTime time.Time `xml:"coupon_info>delete_time"` // when it was deleted
}

// ChannelsECCouponExpireEvent is sent when a coupon expires.
// The Event value is "channels_ec_coupon_expire".
// See https://developers.weixin.qq.com/doc/store/shop/notify/coupon_callback/channels_ec_coupon_expire.html
type ChannelsECCouponExpireEvent struct {
	Envelope
	CouponID   string    `xml:"coupon_info>coupon_id"`   // the coupon's ID
	ExpireTime time.Time `xml:"coupon_info>expire_time"` // when it expired
}

// ChannelsECCouponInfoChangeEvent is sent when the merchant changes a
// coupon.
// The Event value is "channels_ec_coupon_info_change".
// See https://developers.weixin.qq.com/doc/store/shop/notify/coupon_callback/channels_ec_coupon_info_change.html
type ChannelsECCouponInfoChangeEvent struct {
	Envelope
	CouponID   string    `xml:"coupon_info>coupon_id"`   // the coupon's ID
	ChangeTime time.Time `xml:"coupon_info>change_time"` // when it was changed
}

// ChannelsECCouponInvalidEvent is sent when a coupon is voided.
// The Event value is "channels_ec_coupon_invalid".
// See https://developers.weixin.qq.com/doc/store/shop/notify/coupon_callback/channels_ec_coupon_invalid.html
type ChannelsECCouponInvalidEvent struct {
	Envelope
	CouponID    string    `xml:"coupon_info>coupon_id"`    // the coupon's ID
	InvalidTime time.Time `xml:"coupon_info>invalid_time"` // when it was voided
}

// ChannelsECUserCouponExpireEvent is sent when a buyer's coupon expires.
// The Event value is "channels_ec_user_coupon_expire".
// See https://developers.weixin.qq.com/doc/store/shop/notify/coupon_callback/channels_ec_user_coupon_expire.html
type ChannelsECUserCouponExpireEvent struct {
	Envelope
	CouponID     string    `xml:"user_coupon_info>coupon_id"`      // the coupon's ID
	UserCouponID string    `xml:"user_coupon_info>user_coupon_id"` // the buyer's copy of it
	ExpireTime   time.Time `xml:"user_coupon_info>expire_time"`    // when it expired
}

// ChannelsECUserCouponUnuseEvent is sent when a used coupon goes back to the
// buyer, for example because the order was refunded.
// The Event value is "channels_ec_user_coupon_unuse".
// See https://developers.weixin.qq.com/doc/store/shop/notify/coupon_callback/channels_ec_user_coupon_unuse.html
type ChannelsECUserCouponUnuseEvent struct {
	Envelope
	CouponID     string    `xml:"user_coupon_info>coupon_id"`      // the coupon's ID
	UserCouponID string    `xml:"user_coupon_info>user_coupon_id"` // the buyer's copy of it
	UnuseTime    time.Time `xml:"user_coupon_info>unuse_time"`     // when it came back
}

// ChannelsECUserCouponUseEvent is sent when a buyer uses a coupon on an
// order.
// The Event value is "channels_ec_user_coupon_use".
// See https://developers.weixin.qq.com/doc/store/shop/notify/coupon_callback/channels_ec_user_coupon_use.html
type ChannelsECUserCouponUseEvent struct {
	Envelope
	CouponID     string    `xml:"use_info>coupon_id"`      // the coupon's ID
	UserCouponID string    `xml:"use_info>user_coupon_id"` // the buyer's copy of it
	OrderID      string    `xml:"use_info>order_id"`       // the order it was used on
	UseTime      time.Time `xml:"use_info>use_time"`       // when it was used
}

// ChannelsECVoucherSendSuccEvent is sent when group-buying vouchers (团购优惠,
// 本地生活) were issued to a buyer, to merchants that use their own
// redemption tool (自定义核销工具).
// The Event value is "channels_ec_voucher_send_succ".
// See https://developers.weixin.qq.com/doc/channels/locallife/api/callback_issued.html
type ChannelsECVoucherSendSuccEvent struct {
	Envelope
	VoucherList []ChannelsVoucher `xml:"voucher_list"` // the vouchers issued
}

// ChannelsVoucher is one voucher of ChannelsECVoucherSendSuccEvent.
type ChannelsVoucher struct {
	Code     string `xml:"code"`      // the voucher code
	CodeType int    `xml:"code_type"` // 1 the merchant's real-time code, 2 pre-stored by the merchant, 3 made by the platform
	Status   int    `xml:"status"`    // 1 to be used, 2 used, 3 refunded, 4 expired
	// When it was issued, last changed, becomes and stops being redeemable,
	// was redeemed and was refunded; the last two are zero when not sent
	// (a multi-use card never sends them).
	SendTime    time.Time `xml:"send_time"`
	UpdateTime  time.Time `xml:"update_time"`
	StartTime   time.Time `xml:"start_time"`
	EndTime     time.Time `xml:"end_time"`
	ConsumeTime time.Time `xml:"consume_time"`
	RefundTime  time.Time `xml:"refund_time"`

	ConsumeStoreName    string `xml:"consume_store_name"`    // the store where it was redeemed
	VoucherType         int    `xml:"voucher_type"`          // the voucher's type, as the voucher API numbers them
	VoucherBuyAmount    int64  `xml:"voucher_buy_amount"`    // what the buyer paid for it, fen
	VoucherActualAmount int64  `xml:"voucher_actual_amount"` // its face value, fen
	TelphoneNo          string `xml:"telphone_no"`           // the buyer's phone number, as WeChat spells the key
	ProductID           string `xml:"product_id"`            // the product's ID
	SkuID               string `xml:"sku_id"`                // the SKU's ID
	OrderID             string `xml:"order_id"`              // the order that bought it
	OpenID              string `xml:"openid"`                // the buyer's OpenID under the brand's AppID
}

// ChannelsECAcctNotifyEvent is sent when the shop's settlement account
// changes.
// The Event value is "channels_ec_acct_notify".
// See https://developers.weixin.qq.com/doc/store/API/funds/callback/channels_ec_acct_notify.html
type ChannelsECAcctNotifyEvent struct {
	Envelope
	AccountEvent int `xml:"account_info>event"` // 1 the settlement account was changed
}

// ChannelsECWithdrawNotifyEvent is sent as a withdrawal from the shop's
// account proceeds.
// The Event value is "channels_ec_withdraw_notify".
// See https://developers.weixin.qq.com/doc/store/shop/product/funds/channels_ec_withdraw_notify.html
type ChannelsECWithdrawNotifyEvent struct {
	Envelope
	WithdrawID string `xml:"withdraw_info>withdraw_id"` // the withdrawal's ID
	// WithdrawEvent is 1 requested (a QR code to confirm it was made),
	// 2 confirmed by scanning, 3 paid out, 4 failed.
	WithdrawEvent int `xml:"withdraw_info>event"`
}

// QrcodeStatusEvent is sent when the QR code that confirms a withdrawal
// from a shop's account changes status.
// The Event value is "qrcode_status".
// See https://developers.weixin.qq.com/doc/store/API/funds/callback/qrcode_status.html
type QrcodeStatusEvent struct {
	Envelope
	Ticket       string `xml:"qrcode_info>ticket"`         // the QR code's ticket
	Status       int    `xml:"qrcode_info>status"`         // 1 confirmed, 2 cancelled, 3 expired, 4 scanned
	ScanUserType int    `xml:"qrcode_info>scan_user_type"` // 1 scanned by an administrator, 0 by someone else
}

// ChannelsECSharerChangeEvent is sent when a sharer (分享员) is bound to or
// unbound from the shop.
// The Event value is "channels_ec_sharer_change".
// See https://developers.weixin.qq.com/doc/store/API/sharer/callback/channels_ec_sharer_change.html
type ChannelsECSharerChangeEvent struct {
	Envelope
	OpenID     string `xml:"openid"`      // the sharer's OpenID
	SharerType int    `xml:"sharer_type"` // 0 ordinary sharer, 1 shop sharer
	BindStatus int    `xml:"bind_status"` // 1 bound, 2 unbound
}

// ChannelsECCloseStoreEvent is sent when the shop has finally been closed.
// The Event value is "channels_ec_close_store".
// See https://developers.weixin.qq.com/doc/store/shop/notify/storebasics_callback/channels_ec_basic_close_store.html
type ChannelsECCloseStoreEvent struct {
	Envelope
	AppID          string    `xml:"appid"`           // the shop's AppID
	CloseTimestamp time.Time `xml:"close_timestamp"` // when it was closed
}

// SetShopNicknameEvent is sent when the shop's name has changed.
// The Event value is "set_shop_nickname".
// See https://developers.weixin.qq.com/doc/store/shop/notify/storebasics_callback/set_shop_nickname.html
type SetShopNicknameEvent struct {
	Envelope
	AppID       string `xml:"appid"`        // the shop's AppID
	OldNickname string `xml:"old_nickname"` // the name before
	NewNickname string `xml:"new_nickname"` // the name now
}

// SetShopHeadImgEvent is sent when the shop's profile picture has changed.
// The Event value is "set_shop_headimg".
// See https://developers.weixin.qq.com/doc/store/shop/notify/storebasics_callback/set_headimg.html
type SetShopHeadImgEvent struct {
	Envelope
	AppID         string `xml:"appid"`            // the shop's AppID
	OldHeadImgURL string `xml:"old_head_img_url"` // the picture before
	NewHeadImgURL string `xml:"new_head_img_url"` // the picture now
}

// ChannelsECChangeStatusEvent is sent when the shop's status changes other
// than by opening or by being closed for good (ChannelsECCloseStoreEvent):
// today from "open_finished" to "closing" and back.
// The Event value is "channels_ec_change_status".
// See https://developers.weixin.qq.com/doc/store/shop/notify/storebasics_callback/channels_ec_basic_change_status.html
type ChannelsECChangeStatusEvent struct {
	Envelope
	AppID           string    `xml:"appid"`            // the shop's AppID
	ChangeTimestamp time.Time `xml:"change_timestamp"` // when the status changed
	OldStatus       string    `xml:"old_status"`       // the status before, such as "open_finished"
	NewStatus       string    `xml:"new_status"`       // the status now, such as "closing"
}

// HeadSupplierItemUpdateEvent is sent to a 团长 (group leader) when a product
// it supplies is added or its cooperation terms change.
// The Event value is "head_supplier_item_update".
// See https://developers.weixin.qq.com/doc/store/leagueheadsupplier/API/callback/head_supplier_item_update.html
type HeadSupplierItemUpdateEvent struct {
	Envelope
	EventType int    `xml:"item_info>event_type"` // 1 product added, 2 product updated
	AppID     string `xml:"item_info>appid"`      // the AppID of the shop the product belongs to
	ProductID string `xml:"item_info>product_id"` // the product's ID
	Version   string `xml:"item_info>version"`    // the product's version
	// UpdateFields names what changed when EventType is 2:
	// "commission_ratio", "service_ratio", "status", "active_time".
	UpdateFields []string `xml:"item_info>update_fields"`
}

// ChannelsECVipJoinEvent is sent when a buyer joins the shop's membership.
// The Event value is "channels_ec_vip_join".
// See https://developers.weixin.qq.com/doc/channels/API/vip/callback/member/user_join_vip.html
type ChannelsECVipJoinEvent struct {
	Envelope
	JoinTime    time.Time `xml:"user_info>join_time"`    // when the buyer joined
	PhoneNumber string    `xml:"user_info>phone_number"` // the member's phone number
}

// ChannelsECVipCloseEvent is sent when a member cancels the shop's
// membership.
// The Event value is "channels_ec_vip_close".
// See https://developers.weixin.qq.com/doc/channels/API/vip/callback/member/user_close_vip.html
type ChannelsECVipCloseEvent struct {
	Envelope
	CloseTime time.Time `xml:"user_info>close_time"` // when the membership ended
}

// ChannelsECVipGradeInfoUpdateEvent is sent when a member's level or
// experience changes.
// The Event value is "channels_ec_vip_grade_info_update".
// See https://developers.weixin.qq.com/doc/channels/API/vip/callback/member/usergrade_update.html
type ChannelsECVipGradeInfoUpdateEvent struct {
	Envelope
	Grade           int   `xml:"user_info>grade"`            // the member's level now, 1 to 10 as the shop set them up
	ExperienceValue int64 `xml:"user_info>experience_value"` // the experience points within that level
}

// ChannelsECVipTaskAwardEvent is sent when a member finished a membership
// task and got its award.
// The Event value is "channels_ec_vip_task_award".
// See https://developers.weixin.qq.com/doc/channels/API/vip/callback/member/user_finish_task.html
type ChannelsECVipTaskAwardEvent struct {
	Envelope
	TaskID    string `xml:"task_info>task_id"`               // the task's ID
	TaskName  string `xml:"task_info>task_name"`             // the task's name
	AwardType int    `xml:"task_info>award_info>award_type"` // the kind of award, as the member API numbers them
	CouponID  string `xml:"task_info>award_info>coupon_id"`  // the coupon awarded, when the award is a coupon
	GainScore int64  `xml:"task_info>award_info>gain_score"` // the points awarded, when the award is points
}

// ChannelsECVipScoreUpdateEvent is sent when a member's points change.
// The Event value is "channels_ec_vip_score_update".
// See https://developers.weixin.qq.com/doc/channels/API/vip/callback/score/user_score_update.html
type ChannelsECVipScoreUpdateEvent struct {
	Envelope
	Score      int64 `xml:"user_info>score"`       // the points now
	DeltaScore int64 `xml:"user_info>delta_score"` // the change; negative when points were spent
	// FlowType is why: 1 earned by spending, 2 earned by ordering, 3 and 4
	// exchanged for a product or coupon, 5 spent on an order, 6 returned
	// after sale, 7 and 8 added or taken by the merchant, 9 earned by a task.
	FlowType int `xml:"user_info>flow_type"`
}

// ChannelsECVipScoreExchangeEvent is sent when a member exchanges points
// for a coupon or a product.
// The Event value is "channels_ec_vip_score_exchange".
// See https://developers.weixin.qq.com/doc/channels/API/vip/callback/score/user_score_exchange.html
type ChannelsECVipScoreExchangeEvent struct {
	Envelope
	PayScore         int64 `xml:"exchange_info>pay_score"`                       // the points spent
	ScoreItemType    int   `xml:"exchange_info>score_item_type"`                 // 1 a coupon, 2 a product
	RelatedCouponID  int64 `xml:"exchange_info>coupon_info>related_coupon_id"`   // the coupon, for type 1
	RelatedProductID int64 `xml:"exchange_info>product_info>related_product_id"` // the product, for type 2
}

// ChannelsECVipUserInfoGetEvent asks a 小程序 whether a buyer linking the
// shop's membership already is a member; WeChat sends it to the 小程序's
// push URL and waits for the answer.
// The Event value is "channels_ec_vip_user_info_get".
// See https://developers.weixin.qq.com/doc/store/shop/notify/wxa_callback/channels_ec_vip_user_info_get.html
type ChannelsECVipUserInfoGetEvent struct {
	Envelope
	ShopAppID string `xml:"info>shop_appid"` // the shop's AppID
}

// ChannelsECVipUserAutoAddEvent tells a 小程序 that a buyer became a member
// of the shop by silent linking.
// The Event value is "channels_ec_vip_user_auto_add".
// See https://developers.weixin.qq.com/doc/store/shop/notify/wxa_callback/channels_ec_vip_user_auto_add.html
type ChannelsECVipUserAutoAddEvent struct {
	Envelope
	ShopAppID   string    `xml:"info>shop_appid"`   // the shop's AppID
	OuterUserID string    `xml:"info>outer_userid"` // the member ID the 小程序 gave; may be empty
	Identity    string    `xml:"info>identity"`     // the membership level the 小程序 gave, such as "V1"
	AddTime     time.Time `xml:"info>add_time"`     // when the link was made
}

// ChannelsECGenOrderInfoInitEvent asks a 小程序 linked to the shop's
// membership for the member benefits to offer by default, as the buyer opens
// the order page; WeChat sends it to the 小程序's push URL and waits for the
// answer, which is JSON with errcode, errmsg and the benefits (send it as a
// RawReply).
// The Event value is "channels_ec_gen_order_info_init".
// See https://developers.weixin.qq.com/doc/store/shop/notify/wxa_callback/channels_ec_gen_order_info_init.html
type ChannelsECGenOrderInfoInitEvent struct {
	Envelope
	ShopAppID      string `xml:"gen_order_info>shop_appid"`       // the shop's AppID
	OrderSessionID string `xml:"gen_order_info>order_session_id"` // the order page's session
	Scene          int    `xml:"gen_order_info>scene"`            // 1 buying for oneself, 2 a gift in a group chat, 3 a gift in a private chat
	// ProductInfos are the products on the order page.
	ProductInfos []ChannelsOrderProduct `xml:"gen_order_info>product_infos"`
	// The prices of the order page in fen: of the products before the
	// membership discount, of the products, and the shop's discount.
	ProductPriceBeforeVipDiscount int64 `xml:"gen_order_info>price_info>product_price_before_vip_discount"`
	ProductPrice                  int64 `xml:"gen_order_info>price_info>product_price"`
	ShopDiscountedPrice           int64 `xml:"gen_order_info>price_info>shop_discounted_price"`
}

// ChannelsOrderProduct is one product of ChannelsECGenOrderInfoInitEvent.
type ChannelsOrderProduct struct {
	ProductID           string `xml:"product_id"`            // the product's ID
	SkuID               string `xml:"sku_id"`                // the SKU's ID
	SkuCnt              int    `xml:"sku_cnt"`               // how many
	SalePrice           int64  `xml:"sale_price"`            // the sale price, fen
	ShopDiscountedPrice int64  `xml:"shop_discounted_price"` // the shop's discount on it, fen
	// OrderProductCouponInfoList are the buyer's coupons used on it.
	OrderProductCouponInfoList []ChannelsOrderProductCoupon `xml:"order_product_coupon_info_list"`
}

// ChannelsOrderProductCoupon is one coupon used on a ChannelsOrderProduct.
type ChannelsOrderProductCoupon struct {
	UserCouponID    string `xml:"user_coupon_id"`   // the buyer's copy of the coupon
	CouponType      int    `xml:"coupon_type"`      // the coupon's type, as the coupon API numbers them
	DiscountedPrice int64  `xml:"discounted_price"` // the discount it gave, fen
}

// ChannelsECOrderUseVipDiscountEvent asks a 小程序 linked to the shop's
// membership to confirm a membership discount as the buyer submits an order
// (not yet paid); WeChat sends it to the 小程序's push URL and places the order
// at that price only if the answer, JSON with errcode, errmsg and result 1,
// allows it (send it as a RawReply).
// The Event value is "channels_ec_order_use_vip_discount".
// See https://developers.weixin.qq.com/doc/store/shop/notify/wxa_callback/channels_ec_order_use_vip_discount.html
type ChannelsECOrderUseVipDiscountEvent struct {
	Envelope
	ShopAppID      string `xml:"order_info>shop_appid"`       // the shop's AppID
	OrderSessionID string `xml:"order_info>order_session_id"` // the order page's session
	Scene          int    `xml:"order_info>scene"`            // 1 buying for oneself, 2 a gift in a group chat, 3 a gift in a private chat
	UniqueID       string `xml:"order_info>unique_id"`        // this order attempt, as channels_ec_order_unuse_vip_discount names it
	// The prices in fen: of the products before the membership discount,
	// the discount, and of the products after it.
	ProductPriceBeforeVipDiscount int64 `xml:"order_info>price_info>product_price_before_vip_discount"`
	VipDiscountedPrice            int64 `xml:"order_info>price_info>vip_discounted_price"`
	ProductPriceAfterVipDiscount  int64 `xml:"order_info>price_info>product_price_after_vip_discount"`
}

// ChannelsECOrderUnuseVipDiscountEvent tells a 小程序 that an order on which
// a membership benefit was to be used was not placed after all.
// The Event value is "channels_ec_order_unuse_vip_discount".
// See https://developers.weixin.qq.com/doc/store/shop/notify/wxa_callback/channels_ec_order_unuse_vip_discount.html
type ChannelsECOrderUnuseVipDiscountEvent struct {
	Envelope
	ShopAppID      string `xml:"order_info>shop_appid"`       // the shop's AppID
	OrderSessionID string `xml:"order_info>order_session_id"` // the order page's session
	UniqueID       string `xml:"order_info>unique_id"`        // the order attempt, as in channels_ec_order_use_vip_discount
}

// CooperationShopOrderEvent tells a 小程序 that is a partner (合作账号 or
// 关联账号) of a shop that a buyer who came from it placed an order. The
// order ID is not the shop's own; it serves only to query the order.
// The Event value is "cooperation_shop_order" for partner accounts and
// "related_shop_order_submission" for linked accounts; both are registered.
// See https://developers.weixin.qq.com/doc/store/shop/linkstore/miniprogram_connection/miniprogram_callback/Order_notification.html
type CooperationShopOrderEvent struct {
	Envelope
	OrderID   string `xml:"Data>order_id"`   // the order's ID for the 小程序
	ShopAppID string `xml:"Data>shop_appid"` // the shop's AppID
}

// DropshipOrderNewEvent tells a supplier that a dropshipping order (代发单)
// was assigned to it.
// The Event value is "dropship_order_new".
// See https://developers.weixin.qq.com/doc/store/supplier/notify/ds_order_notify/ds_order_add_notice.html
type DropshipOrderNewEvent struct {
	Envelope
	DsOrderID string `xml:"ds_order_id"` // the dropshipping order's ID
}

// DropshipOrderCancelEvent tells a supplier that a dropshipping order was
// cancelled.
// The Event value is "dropship_order_cancel".
// See https://developers.weixin.qq.com/doc/store/supplier/notify/ds_order_notify/ds_order_cancel_notice.html
type DropshipOrderCancelEvent struct {
	Envelope
	DsOrderID string `xml:"ds_order_id"` // the dropshipping order's ID
}

// DropshipOrderUpdateEvent tells a supplier that a dropshipping order
// changed.
// The Event value is "dropship_order_update".
// See https://developers.weixin.qq.com/doc/store/supplier/notify/ds_order_notify/ds_order_update_notice.html
type DropshipOrderUpdateEvent struct {
	Envelope
	DsOrderID  string    `xml:"ds_order_id"` // the dropshipping order's ID
	UpdateTime time.Time `xml:"update_time"` // when it changed
}

// EwaybillPushPathEvent is sent when the tracking of an electronic waybill
// (电子面单) has news.
// The Event value is "ewaybill_push_path".
// See https://developers.weixin.qq.com/doc/store/shop/notify/merchant_callback/ewaybill_push_path.html
type EwaybillPushPathEvent struct {
	Envelope
	EwaybillOrderID int64     `xml:"waybill_info>ewaybill_order_id"` // the waybill order's ID
	WaybillID       string    `xml:"waybill_info>waybill_id"`        // the carrier's tracking number
	UpdateTime      time.Time `xml:"waybill_info>update_time"`       // when the tracking changed
	Status          int       `xml:"waybill_info>status"`            // the tracking status, as the waybill API numbers them
	Desc            string    `xml:"waybill_info>desc"`              // the tracking text, such as "您的快件已签收"
}

// ChannelsECPhoneNumberPoolUpdateEvent tells a carrier that the pool of
// virtual phone numbers (虚拟号) changed, so that it fetches the pool again.
// The Event value is "channels_ec_phonenumberpool_update".
// See https://developers.weixin.qq.com/doc/store/shop/notify/merchant_callback/delivery_virtual_number_get_push_poll.html
type ChannelsECPhoneNumberPoolUpdateEvent struct {
	Envelope
	Status int `xml:"update_info>status"` // 1 the pool changed and must be fetched again
}

// SupplyOrderNewEvent tells a supplier that a merchant assigned an order to
// it, making a new supply order (供货单).
// The Event value is "supply_order_new".
// See https://developers.weixin.qq.com/doc/store/supplier/notify/supply-order/supply_order_new.html
type SupplyOrderNewEvent struct {
	Envelope
	SupplyOrderID string `xml:"SupplyOrderNew>supply_order_id"` // the supply order's ID
}

// SupplyOrderUpdateEvent tells a supplier that a supply order changed.
// The Event value is "supply_order_update".
// See https://developers.weixin.qq.com/doc/store/supplier/notify/supply-order/supply_order_update.html
type SupplyOrderUpdateEvent struct {
	Envelope
	SupplyOrderID string    `xml:"SupplyOrderUpdate>supply_order_id"` // the supply order's ID
	UpdateTime    time.Time `xml:"SupplyOrderUpdate>update_time"`     // when it last changed
}

// SupplyOrderCompleteEvent tells a supplier that a supply order went through
// to its end.
// The Event value is "supply_order_complete".
// See https://developers.weixin.qq.com/doc/store/supplier/notify/supply-order/supply_order_complete.html
type SupplyOrderCompleteEvent struct {
	Envelope
	SupplyOrderID string `xml:"SupplyOrderComplete>supply_order_id"` // the supply order's ID
}

// SupplyOrderCancelEvent tells a supplier that a supply order was
// cancelled, for good.
// The Event value is "supply_order_cancel".
// See https://developers.weixin.qq.com/doc/store/supplier/notify/supply-order/supply_order_cancel.html
type SupplyOrderCancelEvent struct {
	Envelope
	SupplyOrderID string `xml:"SupplyOrderCancel>supply_order_id"` // the supply order's ID
}

// APIDiffEvent tells a merchant that APIs it may use have changed, with a
// link to the changelog.
// The Event value is "api_diff".
// See https://developers.weixin.qq.com/doc/store/shop/notify/common_callback/API_change_log_callback.html
type APIDiffEvent struct {
	Envelope
	ChangelogURL string      `xml:"changelog_url"` // the changelog page
	APIChanges   []APIChange `xml:"api_changes"`   // what changed, one entry per API
	ChangeTime   time.Time   `xml:"change_time"`   // when the APIs changed
}

// APIChange is one changed API of APIDiffEvent.
type APIChange struct {
	ChineseName   string `xml:"chinese_name"`   // the API's Chinese name, such as "电子面单取号"
	CGIPath       string `xml:"cgi_path"`       // its path, such as "/channels/ec/logistics/ewaybill/biz/order/create"
	DocURL        string `xml:"doc_url"`        // its documentation page
	ChangeContent string `xml:"change_content"` // what changed, in prose
}

// channelsEvents registers the 微信小店 pushes.
var channelsEvents = []builtin{
	{nsEvent, "channels_ec_order_new", newOf[ChannelsECOrderNewEvent]},
	{nsEvent, "channels_ec_order_cancel", newOf[ChannelsECOrderCancelEvent]},
	{nsEvent, "channels_ec_order_pay", newOf[ChannelsECOrderPayEvent]},
	{nsEvent, "channels_ec_order_wait_shipping", newOf[ChannelsECOrderWaitShippingEvent]},
	{nsEvent, "channels_ec_order_deliver", newOf[ChannelsECOrderDeliverEvent]},
	{nsEvent, "channels_ec_order_confirm", newOf[ChannelsECOrderConfirmEvent]},
	{nsEvent, "channels_ec_order_settle", newOf[ChannelsECOrderSettleEvent]},
	{nsEvent, "channels_ec_order_ext_info_update", newOf[ChannelsECOrderExtInfoUpdateEvent]},
	{nsEvent, "product_order_status_update", newOf[ProductOrderStatusUpdateEvent]},
	{nsEvent, "channels_ec_aftersale_update", newOf[ChannelsECAftersaleUpdateEvent]},
	{nsEvent, "channels_ec_present_aftersale_update", newOf[ChannelsECPresentAftersaleUpdateEvent]},
	{nsEvent, "channels_ec_guarantee_update", newOf[ChannelsECGuaranteeUpdateEvent]},
	{nsEvent, "channels_ec_complaint_update", newOf[ChannelsECComplaintUpdateEvent]},
	{nsEvent, "product_spu_audit", newOf[ProductSpuAuditEvent]},
	{nsEvent, "product_spu_listing", newOf[ProductSpuListingEvent]},
	{nsEvent, "product_spu_update", newOf[ProductSpuUpdateEvent]},
	{nsEvent, "product_category_audit", newOf[ProductCategoryAuditEvent]},
	{nsEvent, "channels_ec_brand", newOf[ChannelsECBrandEvent]},
	{nsEvent, "channels_ec_stock_no_enough", newOf[ChannelsECStockNoEnoughEvent]},
	{nsEvent, "channels_ec_coupon_receive", newOf[ChannelsECCouponReceiveEvent]},
	{nsEvent, "channels_ec_coupon_create", newOf[ChannelsECCouponCreateEvent]},
	{nsEvent, "channels_ec_coupon_delete", newOf[ChannelsECCouponDeleteEvent]},
	{nsEvent, "channels_ec_coupon_expire", newOf[ChannelsECCouponExpireEvent]},
	{nsEvent, "channels_ec_coupon_info_change", newOf[ChannelsECCouponInfoChangeEvent]},
	{nsEvent, "channels_ec_coupon_invalid", newOf[ChannelsECCouponInvalidEvent]},
	{nsEvent, "channels_ec_user_coupon_expire", newOf[ChannelsECUserCouponExpireEvent]},
	{nsEvent, "channels_ec_user_coupon_unuse", newOf[ChannelsECUserCouponUnuseEvent]},
	{nsEvent, "channels_ec_user_coupon_use", newOf[ChannelsECUserCouponUseEvent]},
	{nsEvent, "channels_ec_voucher_send_succ", newOf[ChannelsECVoucherSendSuccEvent]},
	{nsEvent, "channels_ec_acct_notify", newOf[ChannelsECAcctNotifyEvent]},
	{nsEvent, "channels_ec_withdraw_notify", newOf[ChannelsECWithdrawNotifyEvent]},
	{nsEvent, "qrcode_status", newOf[QrcodeStatusEvent]},
	{nsEvent, "channels_ec_sharer_change", newOf[ChannelsECSharerChangeEvent]},
	{nsEvent, "channels_ec_close_store", newOf[ChannelsECCloseStoreEvent]},
	{nsEvent, "set_shop_nickname", newOf[SetShopNicknameEvent]},
	{nsEvent, "set_shop_headimg", newOf[SetShopHeadImgEvent]},
	{nsEvent, "channels_ec_change_status", newOf[ChannelsECChangeStatusEvent]},
	{nsEvent, "head_supplier_item_update", newOf[HeadSupplierItemUpdateEvent]},
	{nsEvent, "channels_ec_vip_join", newOf[ChannelsECVipJoinEvent]},
	{nsEvent, "channels_ec_vip_close", newOf[ChannelsECVipCloseEvent]},
	{nsEvent, "channels_ec_vip_grade_info_update", newOf[ChannelsECVipGradeInfoUpdateEvent]},
	{nsEvent, "channels_ec_vip_task_award", newOf[ChannelsECVipTaskAwardEvent]},
	{nsEvent, "channels_ec_vip_score_update", newOf[ChannelsECVipScoreUpdateEvent]},
	{nsEvent, "channels_ec_vip_score_exchange", newOf[ChannelsECVipScoreExchangeEvent]},
	{nsEvent, "channels_ec_vip_user_info_get", newOf[ChannelsECVipUserInfoGetEvent]},
	{nsEvent, "channels_ec_vip_user_auto_add", newOf[ChannelsECVipUserAutoAddEvent]},
	{nsEvent, "channels_ec_gen_order_info_init", newOf[ChannelsECGenOrderInfoInitEvent]},
	{nsEvent, "channels_ec_order_use_vip_discount", newOf[ChannelsECOrderUseVipDiscountEvent]},
	{nsEvent, "channels_ec_order_unuse_vip_discount", newOf[ChannelsECOrderUnuseVipDiscountEvent]},
	{nsEvent, "cooperation_shop_order", newOf[CooperationShopOrderEvent]},
	{nsEvent, "related_shop_order_submission", newOf[CooperationShopOrderEvent]},
	{nsEvent, "dropship_order_new", newOf[DropshipOrderNewEvent]},
	{nsEvent, "dropship_order_cancel", newOf[DropshipOrderCancelEvent]},
	{nsEvent, "dropship_order_update", newOf[DropshipOrderUpdateEvent]},
	{nsEvent, "supply_order_new", newOf[SupplyOrderNewEvent]},
	{nsEvent, "supply_order_update", newOf[SupplyOrderUpdateEvent]},
	{nsEvent, "supply_order_complete", newOf[SupplyOrderCompleteEvent]},
	{nsEvent, "supply_order_cancel", newOf[SupplyOrderCancelEvent]},
	{nsEvent, "ewaybill_push_path", newOf[EwaybillPushPathEvent]},
	{nsEvent, "channels_ec_phonenumberpool_update", newOf[ChannelsECPhoneNumberPoolUpdateEvent]},
	{nsEvent, "api_diff", newOf[APIDiffEvent]},
}
