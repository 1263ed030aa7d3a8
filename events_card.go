package wechatevent

import "time"

// CardPassCheckEvent is sent when a card or coupon passes review.
// The Event value is "card_pass_check".
// See https://developers.weixin.qq.com/doc/offiaccount/Cards_and_Offer/Coupons_Vouchers_and_Cards_Event_Push_Messages.html
type CardPassCheckEvent struct {
	Envelope
	CardID       string `xml:"CardId"`       // the card's ID
	RefuseReason string `xml:"RefuseReason"` // present in the official sample; normally empty on a pass
}

// CardNotPassCheckEvent is sent when a card or coupon fails review.
// The Event value is "card_not_pass_check".
// See https://developers.weixin.qq.com/doc/offiaccount/Cards_and_Offer/Coupons_Vouchers_and_Cards_Event_Push_Messages.html
type CardNotPassCheckEvent struct {
	Envelope
	CardID       string `xml:"CardId"`       // the card's ID
	RefuseReason string `xml:"RefuseReason"` // why it was refused
}

// UserGetCardEvent is sent when a user receives a card or coupon.
// The Event value is "user_get_card".
// See https://developers.weixin.qq.com/doc/offiaccount/Cards_and_Offer/Coupons_Vouchers_and_Cards_Event_Push_Messages.html
type UserGetCardEvent struct {
	Envelope
	CardID              string `xml:"CardId"`              // the card's ID
	IsGiveByFriend      int    `xml:"IsGiveByFriend"`      // 1 when a friend gave it
	UserCardCode        string `xml:"UserCardCode"`        // the code of the user's card
	FriendUserName      string `xml:"FriendUserName"`      // the giver's OpenID, when a friend gave it
	OuterID             int    `xml:"OuterId"`             // the outer_id of the receiving scene
	OldUserCardCode     string `xml:"OldUserCardCode"`     // the code before a transfer, when there was one
	OuterStr            string `xml:"OuterStr"`            // the outer_str of the receiving scene
	IsRestoreMemberCard int    `xml:"IsRestoreMemberCard"` // 1 when the user received a member card again after deleting it
	IsRecommendByFriend int    `xml:"IsRecommendByFriend"` // 1 when received from a friend's recommendation
	UnionID             string `xml:"UnionId"`             // the user's UnionID, when the account has one
}

// UserGiftingCardEvent is sent when a user gives a card to a friend.
// The Event value is "user_gifting_card".
// See https://developers.weixin.qq.com/doc/offiaccount/Cards_and_Offer/Coupons_Vouchers_and_Cards_Event_Push_Messages.html
type UserGiftingCardEvent struct {
	Envelope
	CardID         string `xml:"CardId"`         // the card's ID
	UserCardCode   string `xml:"UserCardCode"`   // the code of the card
	IsReturnBack   int    `xml:"IsReturnBack"`   // 1 when the gift came back unclaimed
	FriendUserName string `xml:"FriendUserName"` // the receiver's OpenID
	IsChatRoom     int    `xml:"IsChatRoom"`     // 1 when given in a group chat
}

// UserDelCardEvent is sent when a user deletes a card.
// The Event value is "user_del_card".
// See https://developers.weixin.qq.com/doc/offiaccount/Cards_and_Offer/Coupons_Vouchers_and_Cards_Event_Push_Messages.html
type UserDelCardEvent struct {
	Envelope
	CardID       string `xml:"CardId"`       // the card's ID
	UserCardCode string `xml:"UserCardCode"` // the code of the deleted card
}

// UserConsumeCardEvent is sent when a card or coupon is redeemed (核销).
// The Event value is "user_consume_card".
// See https://developers.weixin.qq.com/doc/offiaccount/Cards_and_Offer/Coupons_Vouchers_and_Cards_Event_Push_Messages.html
type UserConsumeCardEvent struct {
	Envelope
	CardID        string `xml:"CardId"`        // the card's ID
	UserCardCode  string `xml:"UserCardCode"`  // the code of the redeemed card
	ConsumeSource string `xml:"ConsumeSource"` // how: "FROM_API", "FROM_MOBILE_HELPER", "FROM_FACE_TO_FACE", ...
	LocationName  string `xml:"LocationName"`  // the store's name, when redeemed in a store
	StaffOpenID   string `xml:"StaffOpenId"`   // the OpenID of the staff who redeemed it
	VerifyCode    string `xml:"VerifyCode"`    // the code the user entered, for self-service redemption
	RemarkAmount  string `xml:"RemarkAmount"`  // the amount the user entered, for self-service redemption
	OuterStr      string `xml:"OuterStr"`      // the outer_str of the scene the card was received in
}

// UserPayFromPayCellEvent is sent when a user pays through a card's 买单
// cell.
// The Event value is "user_pay_from_pay_cell".
// See https://developers.weixin.qq.com/doc/offiaccount/Cards_and_Offer/Coupons_Vouchers_and_Cards_Event_Push_Messages.html
type UserPayFromPayCellEvent struct {
	Envelope
	CardID       string `xml:"CardId"`       // the card's ID
	UserCardCode string `xml:"UserCardCode"` // the code of the card
	TransID      string `xml:"TransId"`      // the WeChat Pay transaction ID
	LocationID   int    `xml:"LocationId"`   // the store's ID
	Fee          int    `xml:"Fee"`          // the amount paid, fen
	OriginalFee  int    `xml:"OriginalFee"`  // the amount before discount, fen
}

// UserViewCardEvent is sent when a user opens a member card.
// The Event value is "user_view_card".
// See https://developers.weixin.qq.com/doc/offiaccount/Cards_and_Offer/Coupons_Vouchers_and_Cards_Event_Push_Messages.html
type UserViewCardEvent struct {
	Envelope
	CardID       string `xml:"CardId"`       // the card's ID
	UserCardCode string `xml:"UserCardCode"` // the code of the card
	OuterStr     string `xml:"OuterStr"`     // the outer_str of the scene
}

// UserEnterSessionFromCardEvent is sent when a user enters the account's
// conversation from a card.
// The Event value is "user_enter_session_from_card".
// See https://developers.weixin.qq.com/doc/offiaccount/Cards_and_Offer/Coupons_Vouchers_and_Cards_Event_Push_Messages.html
type UserEnterSessionFromCardEvent struct {
	Envelope
	CardID       string `xml:"CardId"`       // the card's ID
	UserCardCode string `xml:"UserCardCode"` // the code of the card
}

// UpdateMemberCardEvent is sent when the points or balance of a member card
// change.
// The Event value is "update_member_card".
// See https://developers.weixin.qq.com/doc/offiaccount/Cards_and_Offer/Coupons_Vouchers_and_Cards_Event_Push_Messages.html
type UpdateMemberCardEvent struct {
	Envelope
	CardID        string `xml:"CardId"`        // the card's ID
	UserCardCode  string `xml:"UserCardCode"`  // the code of the card
	ModifyBonus   int    `xml:"ModifyBonus"`   // the change of points
	ModifyBalance int    `xml:"ModifyBalance"` // the change of balance, fen
}

// CardSkuRemindEvent is sent when a card's stock runs low (an initial stock
// above 200 dropped to 100 or less).
// The Event value is "card_sku_remind".
// See https://developers.weixin.qq.com/doc/offiaccount/Cards_and_Offer/Coupons_Vouchers_and_Cards_Event_Push_Messages.html
type CardSkuRemindEvent struct {
	Envelope
	CardID string `xml:"CardId"` // the card's ID
	Detail string `xml:"Detail"` // the warning text
}

// CardPayOrderEvent is sent when the account's 券点 balance changes.
// The Event value is "card_pay_order".
// See https://developers.weixin.qq.com/doc/offiaccount/Cards_and_Offer/Coupons_Vouchers_and_Cards_Event_Push_Messages.html
type CardPayOrderEvent struct {
	Envelope
	OrderID             string    `xml:"OrderId"`             // the order's ID, as sent
	Status              string    `xml:"Status"`              // "ORDER_STATUS_WAITING", "ORDER_STATUS_SUCC", "ORDER_STATUS_FINANCE_SUCC", ...
	CreateOrderTime     time.Time `xml:"CreateOrderTime"`     // when the order was created
	PayFinishTime       time.Time `xml:"PayFinishTime"`       // when it was paid; time.Unix(0, 0) when WeChat sends 0
	Desc                string    `xml:"Desc"`                // the order's description
	FreeCoinCount       int       `xml:"FreeCoinCount"`       // free 券点 added
	PayCoinCount        int       `xml:"PayCoinCount"`        // paid 券点 added
	RefundFreeCoinCount int       `xml:"RefundFreeCoinCount"` // free 券点 refunded
	RefundPayCoinCount  int       `xml:"RefundPayCoinCount"`  // paid 券点 refunded
	OrderType           string    `xml:"OrderType"`           // "ORDER_TYPE_WXPAY", "ORDER_TYPE_SYS_ADD", ...
	Memo                string    `xml:"Memo"`                // a note from the system
	ReceiptInfo         string    `xml:"ReceiptInfo"`         // the invoice data
}

// SubmitMembercardUserInfoEvent is sent when a user submits the activation
// form of a member card.
// The Event value is "submit_membercard_user_info".
// See https://developers.weixin.qq.com/doc/offiaccount/Cards_and_Offer/Coupons_Vouchers_and_Cards_Event_Push_Messages.html
type SubmitMembercardUserInfoEvent struct {
	Envelope
	CardID       string `xml:"CardId"`       // the card's ID
	UserCardCode string `xml:"UserCardCode"` // the code of the card
}

// CardMerchantCheckResultEvent is sent when the review of a sub-merchant
// (子商户) created by a third-party card developer ends.
// The Event value is "card_merchant_check_result".
// See https://developers.weixin.qq.com/doc/offiaccount/Cards_and_Offer/Third-party_developer_mode.html
type CardMerchantCheckResultEvent struct {
	Envelope
	MerchantID int64  `xml:"MerchantId"` // the sub-merchant's ID
	IsPass     int    `xml:"IsPass"`     // 1 passed, 0 refused
	Reason     string `xml:"Reason"`     // why it was refused
}

// GiftcardPayDoneEvent is sent when a user has paid for a gift card (礼品卡).
// The Event value is "giftcard_pay_done".
// See https://developers.weixin.qq.com/doc/offiaccount/Cards_and_Offer/Gift_card/Gift_card_interface_document.html
type GiftcardPayDoneEvent struct {
	Envelope
	PageID  string `xml:"PageId"`  // the gift card page's ID
	OrderID string `xml:"OrderId"` // the order's ID (not digits)
}

// GiftcardSendToFriendEvent is sent when a user sends a bought gift card to
// a friend.
// The Event value is "giftcard_send_to_friend".
// See https://developers.weixin.qq.com/doc/offiaccount/Cards_and_Offer/Gift_card/Gift_card_interface_document.html
type GiftcardSendToFriendEvent struct {
	Envelope
	PageID       string `xml:"PageId"`       // the gift card page's ID
	OrderID      string `xml:"OrderId"`      // the order's ID
	IsChatRoom   bool   `xml:"IsChatRoom"`   // sent in a group chat; WeChat writes "true"/"false"
	IsReturnBack bool   `xml:"IsReturnBack"` // the gift came back unclaimed
}

// GiftcardUserAcceptEvent is sent when a friend accepts a gift card.
// The Event value is "giftcard_user_accept".
// See https://developers.weixin.qq.com/doc/offiaccount/Cards_and_Offer/Gift_card/Gift_card_interface_document.html
type GiftcardUserAcceptEvent struct {
	Envelope
	PageID     string `xml:"PageId"`     // the gift card page's ID
	OrderID    string `xml:"OrderId"`    // the order's ID
	IsChatRoom bool   `xml:"IsChatRoom"` // accepted in a group chat
}

// cardEvents registers the card, coupon and gift-card events.
var cardEvents = []builtin{
	{nsEvent, "card_pass_check", newOf[CardPassCheckEvent]},
	{nsEvent, "card_not_pass_check", newOf[CardNotPassCheckEvent]},
	{nsEvent, "user_get_card", newOf[UserGetCardEvent]},
	{nsEvent, "user_gifting_card", newOf[UserGiftingCardEvent]},
	{nsEvent, "user_del_card", newOf[UserDelCardEvent]},
	{nsEvent, "user_consume_card", newOf[UserConsumeCardEvent]},
	{nsEvent, "user_pay_from_pay_cell", newOf[UserPayFromPayCellEvent]},
	{nsEvent, "user_view_card", newOf[UserViewCardEvent]},
	{nsEvent, "user_enter_session_from_card", newOf[UserEnterSessionFromCardEvent]},
	{nsEvent, "update_member_card", newOf[UpdateMemberCardEvent]},
	{nsEvent, "card_sku_remind", newOf[CardSkuRemindEvent]},
	{nsEvent, "card_pay_order", newOf[CardPayOrderEvent]},
	{nsEvent, "submit_membercard_user_info", newOf[SubmitMembercardUserInfoEvent]},
	{nsEvent, "card_merchant_check_result", newOf[CardMerchantCheckResultEvent]},
	{nsEvent, "giftcard_pay_done", newOf[GiftcardPayDoneEvent]},
	{nsEvent, "giftcard_send_to_friend", newOf[GiftcardSendToFriendEvent]},
	{nsEvent, "giftcard_user_accept", newOf[GiftcardUserAcceptEvent]},
}
