package wechatevent_test

import (
	"fmt"

	"github.com/wechatevent/wechatevent"
)

// A WeCom change_contact callback: the ChangeType selects the type, the
// comma lists arrive as slices, and the same type serves the InfoType form a
// third-party suite gets.
func ExampleParse_weComChangeContact() {
	bodies := [][]byte{
		[]byte(`<xml>
  <ToUserName><![CDATA[ww2d3f4a5b6c7d8e9f]]></ToUserName>
  <FromUserName><![CDATA[sys]]></FromUserName>
  <CreateTime>1700000000</CreateTime>
  <MsgType><![CDATA[event]]></MsgType>
  <Event><![CDATA[change_contact]]></Event>
  <ChangeType><![CDATA[create_user]]></ChangeType>
  <UserID><![CDATA[zhangsan]]></UserID>
  <Department><![CDATA[1,2]]></Department>
  <IsLeaderInDept><![CDATA[0,1]]></IsLeaderInDept>
</xml>`),
		[]byte(`<xml>
  <SuiteId><![CDATA[ww4asffe99e54c0f4c]]></SuiteId>
  <AuthCorpId><![CDATA[wxf8b4f85f3a794e77]]></AuthCorpId>
  <InfoType><![CDATA[change_contact]]></InfoType>
  <TimeStamp>1700000001</TimeStamp>
  <ChangeType><![CDATA[delete_user]]></ChangeType>
  <UserID><![CDATA[lisi]]></UserID>
</xml>`),
	}
	for _, body := range bodies {
		ev, err := wechatevent.Parse(body)
		if err != nil {
			fmt.Println("error:", err)
			return
		}
		switch e := ev.(type) {
		case *wechatevent.CreateUserEvent:
			for i, dept := range e.Department {
				fmt.Println(e.UserID, "joins department", dept, "leader:", e.IsLeaderInDept[i])
			}
		case *wechatevent.DeleteUserEvent:
			fmt.Println(e.UserID, "left corp", e.AuthCorpID, "(suite", e.SuiteID+")")
		}
	}
	// Output:
	// zhangsan joins department 1 leader: false
	// zhangsan joins department 2 leader: true
	// lisi left corp wxf8b4f85f3a794e77 (suite ww4asffe99e54c0f4c)
}
