package wechatevent

// WeCom documents (文档), smart sheets (智能表格) and drive (微盘) events.
// Each ChangeType says what happened; the IDs name what it happened to,
// and the app fetches the details through the API.

// DocChangeEvent is sent when a document or form the app may see changes.
// The Event value is "doc_change"; ChangeType is such as
// "doc_member_change".
// See https://developer.work.weixin.qq.com/document/path/97316
type DocChangeEvent struct {
	Envelope
	ChangeType string   `xml:"ChangeType"` // what changed, such as "doc_member_change"
	DocID      []string `xml:"DocId"`      // the documents concerned, one element each
	FormID     []string `xml:"FormId"`     // the forms concerned, one element each
}

// SmartSheetChangeEvent is sent when fields or records of a smart sheet
// change.
// The Event value is "smart_sheet_change"; ChangeType is such as
// "update_field_or_record".
// See https://developer.work.weixin.qq.com/document/path/100986
type SmartSheetChangeEvent struct {
	Envelope
	ChangeType string   `xml:"ChangeType"` // what changed, such as "update_field_or_record"
	DocID      string   `xml:"DocId"`      // the document's ID
	SheetID    string   `xml:"SheetId"`    // the sheet's ID
	FieldID    []string `xml:"FieldId"`    // the fields concerned, one element each
	RecordID   []string `xml:"RecordId"`   // the records concerned, one element each
}

// WedriveFileChangeEvent is sent when a file in 微盘 is created, renamed,
// moved, deleted or otherwise changed.
// The Event value is "wedrive_file_change"; ChangeType names the change
// and ends in "_file".
// See https://developer.work.weixin.qq.com/document/path/97900
type WedriveFileChangeEvent struct {
	Envelope
	ChangeType string   `xml:"ChangeType"` // what changed
	FileID     []string `xml:"FileId"`     // the files concerned, one element each (a change can concern several)
}

// WedriveSpaceChangeEvent is sent when 微盘 spaces change, such as when one
// is dismissed.
// The Event value is "wedrive_space_change"; ChangeType is such as
// "dismiss_space".
// See https://developer.work.weixin.qq.com/document/path/97899
type WedriveSpaceChangeEvent struct {
	Envelope
	ChangeType string   `xml:"ChangeType"` // what changed, such as "dismiss_space"
	SpaceID    []string `xml:"SpaceId"`    // the spaces concerned, one element each
}

// WedriveInsufficientCapacityEvent is sent when the corp's 微盘 runs out of
// space.
// The Event value is "wedrive_insufficient_capacity".
// See https://developer.work.weixin.qq.com/document/path/97898
type WedriveInsufficientCapacityEvent struct {
	Envelope
}

// docEvents registers the document and drive events.
var docEvents = []builtin{
	{nsEvent, "doc_change", newOf[DocChangeEvent]},
	{nsEvent, "smart_sheet_change", newOf[SmartSheetChangeEvent]},
	{nsEvent, "wedrive_file_change", newOf[WedriveFileChangeEvent]},
	{nsEvent, "wedrive_space_change", newOf[WedriveSpaceChangeEvent]},
	{nsEvent, "wedrive_insufficient_capacity", newOf[WedriveInsufficientCapacityEvent]},
}
