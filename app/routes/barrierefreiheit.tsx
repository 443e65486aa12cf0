import { TEXT_PAGES } from "~/ui/text-pages";
import { TextPage } from "~/ui/TextPage";


export const loader = () => ({ titleKeys: ["accessibility.title"] });

export default function Accessibility() {
  return <TextPage prefix="accessibility" sections={TEXT_PAGES.accessibility} />;
}
