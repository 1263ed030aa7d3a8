package wechatevent

import "time"

// WeCom 审批 (approval) events. The single <ApprovalInfo> wrapper is
// flattened into each event; its repeated parts are slices of the types
// below. Misspelt element names (Applyer, Notifyer, Sptime,
// StatuChangeEvent) are WeCom's own and kept in the tags.

// OpenApprovalChangeEvent is sent when an approval of the 审批流程引擎
// (approvals whose template belongs to the app) changes state.
// The Event value is "open_approval_change".
// See https://developer.work.weixin.qq.com/document/path/90269
type OpenApprovalChangeEvent struct {
	Envelope
	ThirdNo        string                   `xml:"ApprovalInfo>ThirdNo"`                           // the app's own number of the approval
	OpenSpName     string                   `xml:"ApprovalInfo>OpenSpName"`                        // the template's name
	OpenTemplateID string                   `xml:"ApprovalInfo>OpenTemplateId"`                    // the template's ID
	OpenSpStatus   int                      `xml:"ApprovalInfo>OpenSpStatus"`                      // 1 pending, 2 approved, 3 rejected, 4 cancelled
	ApplyTime      time.Time                `xml:"ApprovalInfo>ApplyTime"`                         // when it was submitted
	ApplyUserName  string                   `xml:"ApprovalInfo>ApplyUserName"`                     // the applicant's name
	ApplyUserID    string                   `xml:"ApprovalInfo>ApplyUserId" alias:"ApplyUserid"`   // the applicant's UserID (also read as ApplyUserid)
	ApplyUserParty string                   `xml:"ApprovalInfo>ApplyUserParty"`                    // the applicant's department
	ApplyUserImage string                   `xml:"ApprovalInfo>ApplyUserImage"`                    // the applicant's avatar URL
	ApprovalNodes  []OpenApprovalNode       `xml:"ApprovalInfo>ApprovalNodes>ApprovalNode"`        // the approval steps, in order
	NotifyNodes    []OpenApprovalNotifyNode `xml:"ApprovalInfo>NotifyNodes>NotifyNode"`            // the members notified (抄送)
	ApproverStep   int                      `xml:"ApprovalInfo>ApproverStep" alias:"approverstep"` // the index of the current step in ApprovalNodes, from 0 (also read as <approverstep>)
}

// OpenApprovalNode is one step of an OpenApprovalChangeEvent.
type OpenApprovalNode struct {
	NodeStatus int                `xml:"NodeStatus"` // 1 pending, 2 approved, 3 rejected, 4 transferred
	NodeAttr   int                `xml:"NodeAttr"`   // 1 any approver decides (或签), 2 all must approve (会签)
	NodeType   int                `xml:"NodeType"`   // how the approvers were chosen, such as 1 fixed members
	Items      []OpenApprovalItem `xml:"Items>Item"` // the step's approvers
}

// OpenApprovalItem is one approver of an OpenApprovalNode.
type OpenApprovalItem struct {
	ItemName   string    `xml:"ItemName"`                      // the approver's name
	ItemUserID string    `xml:"ItemUserid" alias:"ItemUserId"` // the approver's UserID (WeCom's sample spells ItemUserid, others ItemUserId; both are read)
	ItemParty  string    `xml:"ItemParty"`                     // the approver's department
	ItemImage  string    `xml:"ItemImage"`                     // the approver's avatar URL
	ItemStatus int       `xml:"ItemStatus"`                    // 1 pending, 2 approved, 3 rejected, 4 transferred
	ItemSpeech string    `xml:"ItemSpeech"`                    // the approver's comment
	ItemOpTime time.Time `xml:"ItemOpTime"`                    // when the approver acted; the UNIX epoch (wire 0) while pending
}

// OpenApprovalNotifyNode is one member notified of an approval.
type OpenApprovalNotifyNode struct {
	ItemName   string `xml:"ItemName"`                      // the member's name
	ItemUserID string `xml:"ItemUserid" alias:"ItemUserId"` // the member's UserID (ItemUserid or ItemUserId)
	ItemParty  string `xml:"ItemParty"`                     // the member's department
	ItemImage  string `xml:"ItemImage"`                     // the member's avatar URL
}

// SysApprovalChangeEvent is sent when an approval of the 审批 app changes:
// submitted, approved, rejected, withdrawn, commented or forwarded. Batch
// decisions send one event per approval within the same second, differing
// only in SpNo.
// The Event value is "sys_approval_change".
// See https://developer.work.weixin.qq.com/document/path/91815
type SysApprovalChangeEvent struct {
	Envelope
	SpNo             string              `xml:"ApprovalInfo>SpNo"`                 // the approval's number
	SpName           string              `xml:"ApprovalInfo>SpName"`               // the template's name
	SpStatus         int                 `xml:"ApprovalInfo>SpStatus"`             // 1 pending, 2 approved, 3 rejected, 4 withdrawn, 6 withdrawn after approval, 7 deleted, 10 paid
	TemplateID       string              `xml:"ApprovalInfo>TemplateId"`           // the template's ID
	ApplyTime        time.Time           `xml:"ApprovalInfo>ApplyTime"`            // when it was submitted
	Applyer          ApprovalUser        `xml:"ApprovalInfo>Applyer"`              // the applicant
	SpRecord         []SysApprovalRecord `xml:"ApprovalInfo>SpRecord"`             // the approval steps, in order
	Notifyer         []string            `xml:"ApprovalInfo>Notifyer>UserId"`      // the UserIDs of the members notified (抄送)
	ProcessList      []SysApprovalNode   `xml:"ApprovalInfo>ProcessList>NodeList"` // the approval flow, with handlers and notified members
	Comments         []SysApprovalNote   `xml:"ApprovalInfo>Comments"`             // the comments made on it
	StatuChangeEvent int                 `xml:"ApprovalInfo>StatuChangeEvent"`     // what happened, as a number: 1 submitted, 2 approved, 3 rejected, 4 forwarded, 6 withdrawn, ... (the page lists them all)
}

// ApprovalUser is a member in an approval: the applicant.
type ApprovalUser struct {
	UserID string `xml:"UserId"` // the member's UserID
	Party  string `xml:"Party"`  // the member's department ID
}

// SysApprovalRecord is one step (SpRecord) of a SysApprovalChangeEvent.
type SysApprovalRecord struct {
	SpStatus     int                 `xml:"SpStatus"`     // the step's state: 1 pending, 2 approved, 3 rejected, 4 forwarded
	ApproverAttr int                 `xml:"ApproverAttr"` // 1 any approver decides (或签), 2 all must approve (会签)
	Details      []SysApprovalDetail `xml:"Details"`      // one entry per approver of the step
}

// SysApprovalDetail is one approver's part in a SysApprovalRecord.
type SysApprovalDetail struct {
	UserID   string    `xml:"Approver>UserId"` // the approver's UserID
	Speech   string    `xml:"Speech"`          // the approver's comment
	SpStatus int       `xml:"SpStatus"`        // 1 pending, 2 approved, 3 rejected, 4 forwarded
	SpTime   time.Time `xml:"SpTime"`          // when the approver acted; the UNIX epoch (wire 0) while pending
	Attach   []string  `xml:"Attach"`          // the media IDs of the approver's attachments, one element each
}

// SysApprovalNode is one node (NodeList) of the ProcessList of a
// SysApprovalChangeEvent.
type SysApprovalNode struct {
	NodeType    int                  `xml:"NodeType"`    // 1 approvers, 2 notified members, 3 handlers
	SpStatus    int                  `xml:"SpStatus"`    // the node's state
	ApvRel      int                  `xml:"ApvRel"`      // how several members decide: 或签, 会签 or in turn (依次审批), as a number
	SubNodeList []SysApprovalSubNode `xml:"SubNodeList"` // one entry per member of the node
}

// SysApprovalSubNode is one member's part in a SysApprovalNode.
type SysApprovalSubNode struct {
	UserID   string    `xml:"UserInfo>UserId"` // the member's UserID
	Speech   string    `xml:"Speech"`          // the member's comment
	SpYj     int       `xml:"SpYj"`            // the member's decision: 1 pending, 2 approved, 3 rejected, 4 forwarded, ...
	SpTime   time.Time `xml:"Sptime"`          // when the member acted; the UNIX epoch (wire 0) while pending
	MediaIDs []string  `xml:"MediaIds"`        // the media IDs of the member's attachments, one element each
}

// SysApprovalNote is one comment (Comments) on a SysApprovalChangeEvent.
type SysApprovalNote struct {
	UserID         string    `xml:"CommentUserInfo>UserId"` // the commenter's UserID
	CommentTime    time.Time `xml:"CommentTime"`            // when the comment was made
	CommentContent string    `xml:"CommentContent"`         // the comment's text
	CommentID      string    `xml:"CommentId"`              // the comment's ID
	Attach         []string  `xml:"Attach"`                 // the media IDs of the comment's attachments, one element each
}

// approvalEvents registers the approval events.
var approvalEvents = []builtin{
	{nsEvent, "open_approval_change", newOf[OpenApprovalChangeEvent]},
	{nsEvent, "sys_approval_change", newOf[SysApprovalChangeEvent]},
}
