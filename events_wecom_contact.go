package wechatevent

// WeCom 通讯录 (contacts) changes: Event or InfoType "change_contact", told
// apart by ChangeType. FromUserName is "sys" and AgentID is absent. Creating
// a member sends create_user and update_user in the same second.

// ExtAttrItem is one extended attribute (扩展属性) of a member: a text value
// or a web link, as Type says.
type ExtAttrItem struct {
	Name  string `xml:"Name"`                     // the attribute's name as set in the admin console
	Type  int    `xml:"Type"`                     // 0 text (Value), 1 web link (Title, URL)
	Value string `xml:"Value" alias:"Text>Value"` // the text of a text attribute: Text>Value, or Value where older corps send it
	Title string `xml:"Web>Title"`                // the title of a web attribute
	URL   string `xml:"Web>Url"`                  // the URL of a web attribute
}

// CreateUserEvent is sent when a member is added to the corp's contacts.
// Only the fields the app may see are sent.
// The Event value is "change_contact" with ChangeType "create_user"; a
// third-party suite gets it as InfoType "change_contact".
// See https://developer.work.weixin.qq.com/document/path/90970
type CreateUserEvent struct {
	Envelope
	SuiteEnvelope
	ChangeType     string        `xml:"ChangeType"`     // "create_user"
	UserID         string        `xml:"UserID"`         // the member's UserID
	OpenUserID     string        `xml:"OpenUserID"`     // the member's open_userid, for 代开发 apps
	Name           string        `xml:"Name"`           // the member's name
	Department     Int64List     `xml:"Department"`     // the IDs of the member's departments, "1,2,3" on the wire
	MainDepartment int64         `xml:"MainDepartment"` // the ID of the member's main department
	IsLeaderInDept BoolList      `xml:"IsLeaderInDept"` // whether the member leads each department of Department, in its order: "1,0,0" on the wire
	DirectLeader   StringList    `xml:"DirectLeader"`   // the UserIDs of the member's direct leaders, "lisi,wangwu" on the wire
	Position       string        `xml:"Position"`       // the member's position
	Mobile         string        `xml:"Mobile"`         // the member's mobile number
	Gender         int           `xml:"Gender"`         // 1 male, 2 female, 0 unknown
	Email          string        `xml:"Email"`          // the member's email address
	BizMail        string        `xml:"BizMail"`        // the member's corp mailbox
	Status         int           `xml:"Status"`         // 1 active, 2 disabled, 4 not yet active, 5 left the corp
	Avatar         string        `xml:"Avatar"`         // the avatar's URL
	Alias          string        `xml:"Alias"`          // the member's alias
	Telephone      string        `xml:"Telephone"`      // the member's landline number
	Address        string        `xml:"Address"`        // the member's address
	EnglishName    string        `xml:"EnglishName"`    // the member's English name (older corps)
	IsLeader       int           `xml:"IsLeader"`       // 1 when the member is a leader (older corps; see IsLeaderInDept)
	ExtAttr        []ExtAttrItem `xml:"ExtAttr>Item"`   // the member's extended attributes
}

// UpdateUserEvent is sent when a member's details change. Only the fields
// that changed are sent, besides UserID.
// The Event value is "change_contact" with ChangeType "update_user"; a
// third-party suite gets it as InfoType "change_contact".
// See https://developer.work.weixin.qq.com/document/path/90970
type UpdateUserEvent struct {
	Envelope
	SuiteEnvelope
	ChangeType     string        `xml:"ChangeType"`     // "update_user"
	UserID         string        `xml:"UserID"`         // the member's UserID (before a change of it)
	NewUserID      string        `xml:"NewUserID"`      // the member's new UserID; only when it changed
	OpenUserID     string        `xml:"OpenUserID"`     // the member's open_userid, for 代开发 apps
	Name           string        `xml:"Name"`           // the member's name
	Department     Int64List     `xml:"Department"`     // the IDs of the member's departments, "1,2,3" on the wire
	MainDepartment int64         `xml:"MainDepartment"` // the ID of the member's main department
	IsLeaderInDept BoolList      `xml:"IsLeaderInDept"` // whether the member leads each department of Department, in its order: "1,0,0" on the wire
	DirectLeader   StringList    `xml:"DirectLeader"`   // the UserIDs of the member's direct leaders, "lisi,wangwu" on the wire
	Position       string        `xml:"Position"`       // the member's position
	Mobile         string        `xml:"Mobile"`         // the member's mobile number
	Gender         int           `xml:"Gender"`         // 1 male, 2 female, 0 unknown
	Email          string        `xml:"Email"`          // the member's email address
	BizMail        string        `xml:"BizMail"`        // the member's corp mailbox
	Status         int           `xml:"Status"`         // 1 active, 2 disabled, 4 not yet active, 5 left the corp
	Avatar         string        `xml:"Avatar"`         // the avatar's URL
	Alias          string        `xml:"Alias"`          // the member's alias
	Telephone      string        `xml:"Telephone"`      // the member's landline number
	Address        string        `xml:"Address"`        // the member's address
	EnglishName    string        `xml:"EnglishName"`    // the member's English name (older corps)
	IsLeader       int           `xml:"IsLeader"`       // 1 when the member is a leader (older corps; see IsLeaderInDept)
	ExtAttr        []ExtAttrItem `xml:"ExtAttr>Item"`   // the member's extended attributes
}

// DeleteUserEvent is sent when a member is removed from the corp's contacts.
// The Event value is "change_contact" with ChangeType "delete_user"; a
// third-party suite gets it as InfoType "change_contact".
// See https://developer.work.weixin.qq.com/document/path/90970
type DeleteUserEvent struct {
	Envelope
	SuiteEnvelope
	ChangeType string `xml:"ChangeType"` // "delete_user"
	UserID     string `xml:"UserID"`     // the removed member's UserID
	OpenUserID string `xml:"OpenUserID"` // the member's open_userid, for 代开发 apps
}

// CreatePartyEvent is sent when a department is created.
// The Event value is "change_contact" with ChangeType "create_party"; a
// third-party suite gets it as InfoType "change_contact".
// See https://developer.work.weixin.qq.com/document/path/90971
type CreatePartyEvent struct {
	Envelope
	SuiteEnvelope
	ChangeType string `xml:"ChangeType"` // "create_party"
	ID         int64  `xml:"Id"`         // the department's ID
	Name       string `xml:"Name"`       // the department's name
	ParentID   int64  `xml:"ParentId"`   // the parent department's ID
	Order      int64  `xml:"Order"`      // the department's order among its siblings, larger first
}

// UpdatePartyEvent is sent when a department is renamed or moved. Name and
// ParentID are sent only when they changed.
// The Event value is "change_contact" with ChangeType "update_party"; a
// third-party suite gets it as InfoType "change_contact".
// See https://developer.work.weixin.qq.com/document/path/90971
type UpdatePartyEvent struct {
	Envelope
	SuiteEnvelope
	ChangeType string `xml:"ChangeType"` // "update_party"
	ID         int64  `xml:"Id"`         // the department's ID
	Name       string `xml:"Name"`       // the department's new name
	ParentID   int64  `xml:"ParentId"`   // the new parent department's ID
}

// DeletePartyEvent is sent when a department is deleted.
// The Event value is "change_contact" with ChangeType "delete_party"; a
// third-party suite gets it as InfoType "change_contact".
// See https://developer.work.weixin.qq.com/document/path/90971
type DeletePartyEvent struct {
	Envelope
	SuiteEnvelope
	ChangeType string `xml:"ChangeType"` // "delete_party"
	ID         int64  `xml:"Id"`         // the deleted department's ID
}

// UpdateTagEvent is sent when members or departments are added to a tag or
// removed from it.
// The Event value is "change_contact" with ChangeType "update_tag"; a
// third-party suite gets it as InfoType "change_contact".
// See https://developer.work.weixin.qq.com/document/path/90972
type UpdateTagEvent struct {
	Envelope
	SuiteEnvelope
	ChangeType    string     `xml:"ChangeType"`    // "update_tag"
	TagID         int64      `xml:"TagId"`         // the tag's ID
	AddUserItems  StringList `xml:"AddUserItems"`  // the UserIDs added, "zhangsan,lisi" on the wire
	DelUserItems  StringList `xml:"DelUserItems"`  // the UserIDs removed
	AddPartyItems Int64List  `xml:"AddPartyItems"` // the department IDs added, "1,2" on the wire
	DelPartyItems Int64List  `xml:"DelPartyItems"` // the department IDs removed
}

// ChangeChainEvent is sent when the corp's 上下游 (supply chain) network
// changes: a network, group or member corp is created, changed or removed.
// The Event value is "change_chain"; ChangeType says what changed, such as
// "create_chain".
// See https://developer.work.weixin.qq.com/document/path/95796
type ChangeChainEvent struct {
	Envelope
	ChangeType string   `xml:"ChangeType"`       // what changed, such as "create_chain"
	ChainID    string   `xml:"ChainId"`          // the network's ID
	GroupIDs   []int64  `xml:"GroupIds>GroupId"` // the groups concerned
	CorpIDs    []string `xml:"CorpIds>CorpId"`   // the member corps concerned
}

// contactEvents registers the change_contact sub-types, as Event and as
// InfoType.
var contactEvents = concat(
	both("change_contact/create_user", newOf[CreateUserEvent]),
	both("change_contact/update_user", newOf[UpdateUserEvent]),
	both("change_contact/delete_user", newOf[DeleteUserEvent]),
	both("change_contact/create_party", newOf[CreatePartyEvent]),
	both("change_contact/update_party", newOf[UpdatePartyEvent]),
	both("change_contact/delete_party", newOf[DeletePartyEvent]),
	both("change_contact/update_tag", newOf[UpdateTagEvent]),
	[]builtin{{nsEvent, "change_chain", newOf[ChangeChainEvent]}},
)
