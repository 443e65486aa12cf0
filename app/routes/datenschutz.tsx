import { TextPage } from "~/ui/TextPage";


export const loader = () => ({ titleKeys: ["privacy.title"] });

export default function Privacy() {
  return <TextPage prefix="privacy" sections={["data", "purpose", "storage", "cookies", "monitoring", "rights"]} />;
}
