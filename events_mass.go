package wechatevent

// MassSendJobFinishEvent is sent when a mass send (群发) finishes. Its job ID
// is Envelope.MsgID (wire element MsgID).
// The Event value is "MASSSENDJOBFINISH".
// See https://developers.weixin.qq.com/doc/offiaccount/Message_Management/Batch_Sends_and_Originality_Checks.html
type MassSendJobFinishEvent struct {
	Envelope
	Status               string               `xml:"Status"`               // "send success", "send fail" or "err(<code>)"
	TotalCount           int                  `xml:"TotalCount"`           // followers targeted
	FilterCount          int                  `xml:"FilterCount"`          // followers left after filtering
	SentCount            int                  `xml:"SentCount"`            // sends that succeeded
	ErrorCount           int                  `xml:"ErrorCount"`           // sends that failed
	CopyrightCheckResult CopyrightCheckResult `xml:"CopyrightCheckResult"` // the originality check; zero when none was done
	ArticleURLResult     ArticleURLResult     `xml:"ArticleUrlResult"`     // the published articles' URLs; zero when absent
}

// CopyrightCheckResult is the originality check of a mass send.
type CopyrightCheckResult struct {
	Count      int                  `xml:"Count"`           // articles checked; ResultList is not limited by it
	ResultList []CopyrightCheckItem `xml:"ResultList>item"` // one entry per article
	CheckState int                  `xml:"CheckState"`      // 1 may send, 2 may not send
}

// CopyrightCheckItem is the originality check of one article.
type CopyrightCheckItem struct {
	ArticleIdx            int    `xml:"ArticleIdx"`            // the article's position, from 1
	UserDeclareState      int    `xml:"UserDeclareState"`      // what the sender declared
	AuditState            int    `xml:"AuditState"`            // the result of the check
	OriginalArticleURL    string `xml:"OriginalArticleUrl"`    // the article found to be the original
	OriginalArticleType   int    `xml:"OriginalArticleType"`   // the original's type
	CanReprint            int    `xml:"CanReprint"`            // 1 when reprinting is allowed
	NeedReplaceContent    int    `xml:"NeedReplaceContent"`    // 1 when the content is replaced by the original
	NeedShowReprintSource int    `xml:"NeedShowReprintSource"` // 1 when the source must be shown
}

// ArticleURLResult lists the URLs of the articles of a mass send.
type ArticleURLResult struct {
	Count      int              `xml:"Count"`           // articles; ResultList is not limited by it
	ResultList []ArticleURLItem `xml:"ResultList>item"` // one entry per article
}

// ArticleURLItem is the URL of one article of a mass send.
type ArticleURLItem struct {
	ArticleIdx int    `xml:"ArticleIdx"` // the article's position, from 1
	ArticleURL string `xml:"ArticleUrl"` // the published article's URL
}

// TemplateSendJobFinishEvent is sent when a template message was delivered
// or failed. Its message ID is Envelope.MsgID (wire element MsgID).
// The Event value is "TEMPLATESENDJOBFINISH".
// See https://developers.weixin.qq.com/doc/offiaccount/Message_Management/Template_Message_Interface.html
type TemplateSendJobFinishEvent struct {
	Envelope
	Status string `xml:"Status"` // "success", "failed:user block" or "failed: system failed"
}

// massSendEvents registers the results of mass sends and template messages.
var massSendEvents = []builtin{
	{nsEvent, "MASSSENDJOBFINISH", newOf[MassSendJobFinishEvent]},
	{nsEvent, "TEMPLATESENDJOBFINISH", newOf[TemplateSendJobFinishEvent]},
}
