import { TextPage } from "~/ui/TextPage";


export const loader = () => ({ titleKeys: ["accessibility.title"] });

export default function Accessibility() {
  return <TextPage prefix="accessibility" sections={["status", "limits", "feedback", "enforcement"]} />;
}
