/** Thanks, greetings and "who are you?", said alone (question read as Simplified, lower case). */
const THANKS =
  /^(?:(?:ok(?:ay)?|hey|oh|great|perfect|nice)[,\s!]*)?(?:thanks?(?: you)?|thx|ty|cheers|much appreciated|谢谢|多谢|感谢|唔该|谢啦|3q)(?:[\s,!.~。！，]|so much|a lot|again|that was|super|very|helpful|great|useful|\p{Extended_Pictographic}|\u{FE0F})*$/u;
const HELLO =
  /^(?:hi|hello|hey|yo|good (?:morning|afternoon|evening)|你好|您好|嗨|哈喽|哈啰|早晨|早上好|晚上好|下午好|在吗)(?:[\s,!.~。！，？?]|there|bot|modelwise|你是谁|你是誰|你能干嘛|能干嘛|你会什么|你今日好吗|你今天好吗|who are you|what can you do|how are you)*$/u;

export function smallTalkOf(question: string): "thanks" | "hello" | null {
  const said = question.trim();
  return THANKS.test(said) ? "thanks" : HELLO.test(said) ? "hello" : null;
}
