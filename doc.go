// Package wechatevent turns the XML and JSON bodies of WeChat callbacks
// (公众号 and 服务号, 小程序, 开放平台, 微信小店) into typed Go values.
//
// A callback endpoint calls Parse on the body and type-switches on the result:
//
//	ev, err := wechatevent.Parse(body)
//	if err != nil {
//		// malformed XML (ErrSyntax) or no MsgType (ErrMissingMsgType)
//	}
//	switch e := ev.(type) {
//	case *wechatevent.SubscribeScanEvent:
//		// e.FromUserName, e.SceneID, e.Ticket
//	case *wechatevent.TextMessage:
//		// e.Content
//	case *wechatevent.UnknownEvent:
//		// e.Event, e.Value("Some>Path"), e.Raw
//	}
//
// Parse reads the body in one pass with a scanner of its own (encoding/xml
// is not used), looks the MsgType and Event (or InfoType) up in a registry,
// and fills the registered struct by its xml tags. Every type is returned as a
// pointer; an unregistered type is an *UnknownEvent that keeps the body.
//
// Parse is tolerant of everything real WeChat traffic carries: a BOM, the XML
// declaration, comments, attributes, stray text between elements, white space
// around CDATA, numbers inside CDATA, control characters and invalid UTF-8 in
// text, repeated wrappers and unknown elements. Only malformed XML is an
// error. No DTD is ever interpreted and no entity beyond the five predefined
// ones and numeric references is decoded.
//
// Field rules: strings keep CDATA content exactly and drop white space
// outside it; numbers are read leniently and left zero when empty or not a
// number; booleans accept 0, 1, true and false; time.Time fields come from
// UNIX seconds; slices collect every occurrence of a repeated element.
//
// A body whose first byte after an optional BOM and white space is '{' is
// JSON (小程序 with the JSON data format, 微信小店, the WeCom bot) and fills
// the same types by the same tags: a key is an element, a nested object a
// wrapper, an array its key repeated; a JSON number read into a string keeps
// its exact text, so 19-digit order IDs survive. Malformed JSON is ErrSyntax
// with the byte offset.
//
// User types register with RegisterEvent, RegisterMessage and
// RegisterInfoType: any struct that embeds Envelope and declares its fields
// with xml struct tags (the syntax of encoding/xml: "Name", "A>B", slices for
// repeated elements). An optional alias tag lists other spellings of the last
// element of a path, as in `xml:"MenuId" alias:"MenuID"`; an alias with a
// ">" is a whole other path, and one that starts with ">" a child of the root.
//
// Handler serves a callback URL end to end: it authenticates and, in
// security mode, decrypts each callback, passes the typed value to a
// function of yours and sends back the passive reply it returns, such as
// NewTextReply(ev, "hi"), in the format of the push and encrypted in
// security mode; nil answers "success".
//
// Parse, ParseReader, every Parser method and the Register functions are safe
// for concurrent use.
package wechatevent
