package wechatevent

// WeCom office events: calendars (日历), schedules (日程), meeting rooms
// (会议室) and meetings (会议). They carry IDs only; the app fetches the
// details through the API.

// AddCalendarEvent is sent when a calendar the app may see is created.
// The Event value is "add_calendar".
// See https://developer.work.weixin.qq.com/document/path/93651
type AddCalendarEvent struct {
	Envelope
	CalID string `xml:"CalId"` // the calendar's ID
}

// ModifyCalendarEvent is sent when a calendar is changed.
// The Event value is "modify_calendar".
// See https://developer.work.weixin.qq.com/document/path/97730
type ModifyCalendarEvent struct {
	Envelope
	CalID string `xml:"CalId"` // the calendar's ID
}

// DeleteCalendarEvent is sent when a calendar is deleted.
// The Event value is "delete_calendar".
// See https://developer.work.weixin.qq.com/document/path/97728
type DeleteCalendarEvent struct {
	Envelope
	CalID string `xml:"CalId"` // the calendar's ID
}

// AddScheduleEvent is sent when a schedule is created in a calendar.
// The Event value is "add_schedule".
// See https://developer.work.weixin.qq.com/document/path/93651
type AddScheduleEvent struct {
	Envelope
	CalID      string `xml:"CalId"`      // the calendar's ID
	ScheduleID string `xml:"ScheduleId"` // the schedule's ID
}

// ModifyScheduleEvent is sent when a schedule is changed.
// The Event value is "modify_schedule".
// See https://developer.work.weixin.qq.com/document/path/97731
type ModifyScheduleEvent struct {
	Envelope
	CalID      string `xml:"CalId"`      // the calendar's ID
	ScheduleID string `xml:"ScheduleId"` // the schedule's ID
}

// DeleteScheduleEvent is sent when a schedule is deleted.
// The Event value is "delete_schedule".
// See https://developer.work.weixin.qq.com/document/path/97732
type DeleteScheduleEvent struct {
	Envelope
	CalID      string `xml:"CalId"`      // the calendar's ID
	ScheduleID string `xml:"ScheduleId"` // the schedule's ID
}

// RespondScheduleEvent is sent when an attendee answers a schedule's
// invitation (日程回执).
// The Event value is "respond_schedule".
// See https://developer.work.weixin.qq.com/document/path/98111
type RespondScheduleEvent struct {
	Envelope
	CalID      string `xml:"CalId"`      // the calendar's ID
	ScheduleID string `xml:"ScheduleId"` // the schedule's ID
}

// BookMeetingRoomEvent is sent when a meeting room is booked.
// The Event value is "book_meeting_room".
// See https://developer.work.weixin.qq.com/document/path/95333
type BookMeetingRoomEvent struct {
	Envelope
	MeetingRoomID int64  `xml:"MeetingRoomId"` // the meeting room's ID
	MeetingID     string `xml:"MeetingId"`     // the meeting's ID, for a booking made with a meeting; kept exactly (WeCom's sample ends it with a space)
	BookingID     string `xml:"BookingId"`     // the booking's ID
}

// CancelMeetingRoomEvent is sent when a meeting room booking is cancelled.
// The Event value is "cancel_meeting_room".
// See https://developer.work.weixin.qq.com/document/path/95333
type CancelMeetingRoomEvent struct {
	Envelope
	MeetingRoomID int64  `xml:"MeetingRoomId"` // the meeting room's ID
	MeetingID     string `xml:"MeetingId"`     // the meeting's ID, for a booking made with a meeting
	BookingID     string `xml:"BookingId"`     // the booking's ID
}

// MeetingChangeEvent is sent when a meeting (会议) the app may see changes,
// or something happens in it. ChangeType says what; the fields that do not
// apply to it are empty.
// The Event value is "meeting_change"; ChangeType is such as
// "modify_meeting".
// See https://developer.work.weixin.qq.com/document/path/99103
type MeetingChangeEvent struct {
	Envelope
	ChangeType         string          `xml:"ChangeType"`               // what happened, such as "modify_meeting"
	MeetingID          string          `xml:"MeetingId"`                // the meeting's ID
	MeetingRoomID      string          `xml:"MeetingRoomId"`            // the Rooms meeting room's ID, for meeting-room events
	FromUserTmpOpenID  string          `xml:"FromUserTmpOpenId"`        // the in-meeting temporary ID of the member who acted
	UserID             string          `xml:"OperatedUser>UserId"`      // the member acted on, for member events
	TmpOpenID          string          `xml:"OperatedUser>TmpOpenId"`   // the in-meeting temporary ID of the member acted on
	UserRole           int             `xml:"OperatedUser>UserRole"`    // the role of the member acted on
	WarmUpPicture      string          `xml:"WarmUpInfo>WarmUpPicture"` // the warm-up picture's URL, for webinar warm-up uploads
	WarmUpVideo        string          `xml:"WarmUpInfo>WarmUpVideo"`   // the warm-up video's URL, for webinar warm-up uploads
	UploadStatus       int             `xml:"WarmUpInfo>UploadStatus"`  // the warm-up upload's result
	ErrorMsg           string          `xml:"WarmUpInfo>ErrorMsg"`      // why the warm-up upload failed
	UploadInfo         []MeetingUpload `xml:"UploadInfo"`               // the materials uploaded, for material upload results
	EnrollID           string          `xml:"EnrollId"`                 // the enrolment's ID, for enrolment events
	Protocol           int             `xml:"MraAddress>Protocol"`      // the signalling protocol of the meeting-room connector (MRA)
	DialString         string          `xml:"MraAddress>DialString"`    // the dial string of the meeting-room connector (MRA)
	RoomResponseStatus int             `xml:"RoomResponseStatus"`       // how the Rooms meeting room answered a call
}

// MeetingUpload is the result of one material upload of a MeetingChangeEvent.
type MeetingUpload struct {
	MediumType   int    `xml:"MediumType"`   // the material's kind
	MediumURL    string `xml:"MediumUrl"`    // the material's URL
	UploadStatus int    `xml:"UploadStatus"` // the upload's result
	ErrorMsg     string `xml:"ErrorMsg"`     // why it failed
}

// MeetingStatisticsEvent is sent when a meeting's statistics are ready,
// such as when it starts or ends.
// The Event value is "meeting_statistics"; ChangeType is such as
// "start_meeting".
// See https://developer.work.weixin.qq.com/document/path/99648
type MeetingStatisticsEvent struct {
	Envelope
	ChangeType string `xml:"ChangeType"` // what happened, such as "start_meeting"
	Status     int    `xml:"Status"`     // the state reported
}

// oaEvents registers the office events.
var oaEvents = []builtin{
	{nsEvent, "add_calendar", newOf[AddCalendarEvent]},
	{nsEvent, "modify_calendar", newOf[ModifyCalendarEvent]},
	{nsEvent, "delete_calendar", newOf[DeleteCalendarEvent]},
	{nsEvent, "add_schedule", newOf[AddScheduleEvent]},
	{nsEvent, "modify_schedule", newOf[ModifyScheduleEvent]},
	{nsEvent, "delete_schedule", newOf[DeleteScheduleEvent]},
	{nsEvent, "respond_schedule", newOf[RespondScheduleEvent]},
	{nsEvent, "book_meeting_room", newOf[BookMeetingRoomEvent]},
	{nsEvent, "cancel_meeting_room", newOf[CancelMeetingRoomEvent]},
	{nsEvent, "meeting_change", newOf[MeetingChangeEvent]},
	{nsEvent, "meeting_statistics", newOf[MeetingStatisticsEvent]},
}
