package wechatevent

// WeCom 家校沟通 (school) contact changes: Event "change_school_contact",
// told apart by ChangeType, with FromUserName "sys"; a third-party suite gets
// them as InfoType "change_school_contact". WeCom's own samples spell the
// department ChangeTypes create_deparmtment, update_deparmtment and
// delete_deparmtment; both spellings are registered.

// CreateStudentEvent is sent when a student is added to the school's contacts (家校通讯录).
// The Event value is "change_school_contact" with ChangeType "create_student"; a third-party
// suite gets it as InfoType "change_school_contact".
// See https://developer.work.weixin.qq.com/document/path/92032
type CreateStudentEvent struct {
	Envelope
	SuiteEnvelope
	ChangeType string `xml:"ChangeType"` // "create_student"
	ID         string `xml:"Id"`         // the student's ID
}

// UpdateStudentEvent is sent when a student's details change.
// The Event value is "change_school_contact" with ChangeType "update_student"; a third-party
// suite gets it as InfoType "change_school_contact".
// See https://developer.work.weixin.qq.com/document/path/92032
type UpdateStudentEvent struct {
	Envelope
	SuiteEnvelope
	ChangeType string `xml:"ChangeType"` // "update_student"
	ID         string `xml:"Id"`         // the student's ID
}

// DeleteStudentEvent is sent when a student is removed from the school's contacts.
// The Event value is "change_school_contact" with ChangeType "delete_student"; a third-party
// suite gets it as InfoType "change_school_contact".
// See https://developer.work.weixin.qq.com/document/path/92032
type DeleteStudentEvent struct {
	Envelope
	SuiteEnvelope
	ChangeType string `xml:"ChangeType"` // "delete_student"
	ID         string `xml:"Id"`         // the student's ID
}

// CreateParentEvent is sent when a parent is added to the school's contacts.
// The Event value is "change_school_contact" with ChangeType "create_parent"; a third-party
// suite gets it as InfoType "change_school_contact".
// See https://developer.work.weixin.qq.com/document/path/92032
type CreateParentEvent struct {
	Envelope
	SuiteEnvelope
	ChangeType string `xml:"ChangeType"` // "create_parent"
	ID         string `xml:"Id"`         // the parent's ID
}

// UpdateParentEvent is sent when a parent's details change.
// The Event value is "change_school_contact" with ChangeType "update_parent"; a third-party
// suite gets it as InfoType "change_school_contact".
// See https://developer.work.weixin.qq.com/document/path/92032
type UpdateParentEvent struct {
	Envelope
	SuiteEnvelope
	ChangeType string `xml:"ChangeType"` // "update_parent"
	ID         string `xml:"Id"`         // the parent's ID
}

// DeleteParentEvent is sent when a parent is removed from the school's contacts.
// The Event value is "change_school_contact" with ChangeType "delete_parent"; a third-party
// suite gets it as InfoType "change_school_contact".
// See https://developer.work.weixin.qq.com/document/path/92032
type DeleteParentEvent struct {
	Envelope
	SuiteEnvelope
	ChangeType string `xml:"ChangeType"` // "delete_parent"
	ID         string `xml:"Id"`         // the parent's ID
}

// SchoolContactSubscribeEvent is sent when a parent or student follows the school's 家校沟通 notices (关注).
// The Event value is "change_school_contact" with ChangeType "subscribe"; a third-party
// suite gets it as InfoType "change_school_contact".
// See https://developer.work.weixin.qq.com/document/path/92032
type SchoolContactSubscribeEvent struct {
	Envelope
	SuiteEnvelope
	ChangeType string `xml:"ChangeType"` // "subscribe"
	ID         string `xml:"Id"`         // the ID of the parent or student
}

// SchoolContactUnsubscribeEvent is sent when a parent or student stops following the school's notices.
// The Event value is "change_school_contact" with ChangeType "unsubscribe"; a third-party
// suite gets it as InfoType "change_school_contact".
// See https://developer.work.weixin.qq.com/document/path/92032
type SchoolContactUnsubscribeEvent struct {
	Envelope
	SuiteEnvelope
	ChangeType string `xml:"ChangeType"` // "unsubscribe"
	ID         string `xml:"Id"`         // the ID of the parent or student
}

// CreateDepartmentEvent is sent when a department (class, grade, ...) is created in the school's contacts.
// The Event value is "change_school_contact" with ChangeType "create_department" (WeCom's samples spell it "create_deparmtment"); a third-party
// suite gets it as InfoType "change_school_contact".
// See https://developer.work.weixin.qq.com/document/path/92052
type CreateDepartmentEvent struct {
	Envelope
	SuiteEnvelope
	ChangeType string `xml:"ChangeType"` // "create_department" or "create_deparmtment"
	ID         int64  `xml:"Id"`         // the department's ID
}

// UpdateDepartmentEvent is sent when a department of the school's contacts changes.
// The Event value is "change_school_contact" with ChangeType "update_department" (WeCom's samples spell it "update_deparmtment"); a third-party
// suite gets it as InfoType "change_school_contact".
// See https://developer.work.weixin.qq.com/document/path/92052
type UpdateDepartmentEvent struct {
	Envelope
	SuiteEnvelope
	ChangeType string `xml:"ChangeType"` // "update_department" or "update_deparmtment"
	ID         int64  `xml:"Id"`         // the department's ID
}

// DeleteDepartmentEvent is sent when a department is deleted from the school's contacts.
// The Event value is "change_school_contact" with ChangeType "delete_department" (WeCom's samples spell it "delete_deparmtment"); a third-party
// suite gets it as InfoType "change_school_contact".
// See https://developer.work.weixin.qq.com/document/path/92052
type DeleteDepartmentEvent struct {
	Envelope
	SuiteEnvelope
	ChangeType string `xml:"ChangeType"` // "delete_department" or "delete_deparmtment"
	ID         int64  `xml:"Id"`         // the department's ID
}

// schoolEvents registers the change_school_contact sub-types, as Event and as
// InfoType, under both spellings of the department ChangeTypes.
var schoolEvents = concat(
	both("change_school_contact/create_student", newOf[CreateStudentEvent]),
	both("change_school_contact/update_student", newOf[UpdateStudentEvent]),
	both("change_school_contact/delete_student", newOf[DeleteStudentEvent]),
	both("change_school_contact/create_parent", newOf[CreateParentEvent]),
	both("change_school_contact/update_parent", newOf[UpdateParentEvent]),
	both("change_school_contact/delete_parent", newOf[DeleteParentEvent]),
	both("change_school_contact/subscribe", newOf[SchoolContactSubscribeEvent]),
	both("change_school_contact/unsubscribe", newOf[SchoolContactUnsubscribeEvent]),
	both("change_school_contact/create_department", newOf[CreateDepartmentEvent]),
	both("change_school_contact/create_deparmtment", newOf[CreateDepartmentEvent]),
	both("change_school_contact/update_department", newOf[UpdateDepartmentEvent]),
	both("change_school_contact/update_deparmtment", newOf[UpdateDepartmentEvent]),
	both("change_school_contact/delete_department", newOf[DeleteDepartmentEvent]),
	both("change_school_contact/delete_deparmtment", newOf[DeleteDepartmentEvent]),
)
